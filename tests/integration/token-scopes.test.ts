import { spawn } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeToken } from '@/lib/server/seed/factories';
import { expectError, gatesOf, makeDrivenCrew, snapshot } from '../support/lifecycle';

/** `npm run token:create -- …` as an operator runs it, against the test database. */
function tokenCreate(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/token-create.ts', ...args], {
      env: { ...process.env, DATABASE_URL: inject('databaseUrl'), LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const lastLine = (text: string) => text.trim().split('\n').at(-1)!.trim();

describe('gate decisions need the gates:sign token scope', () => {
  it('a read/write token may tick but not sign, withdraw or override (403 missing_scope), and changes nothing', async () => {
    const crew = await makeDrivenCrew();
    const [gate] = await gatesOf(crew.id);
    const dbaWriter = crew.as(await makeToken(crew.people.dba.id, ['read', 'write']));
    const icWriter = crew.as(await makeToken(crew.people.ic.id, ['read', 'write']));
    const signed = await crew
      .as(crew.tokens.dba)
      .post(crew.url(`/gates/${gate.id}/signoffs`), { decision: 'reject', comment: 'lag' });
    expect(signed.status).toBe(201);
    const before = await snapshot(crew.id);

    const sign = await dbaWriter.post(crew.url(`/gates/${gate.id}/signoffs`), { decision: 'approve' });
    expectError(sign, 403, 'missing_scope');
    expect(sign.body.error).toMatchObject({ scope: 'gates:sign' });
    expect(sign.body.error.message).toContain('gates:sign');
    expectError(
      await dbaWriter.del(crew.url(`/gates/${gate.id}/signoffs/${signed.body.signoff.id}`)),
      403,
      'missing_scope',
    );
    expectError(
      await icWriter.post(crew.url(`/gates/${gate.id}/override`), { reason: 'ship it' }),
      403,
      'missing_scope',
    );
    expect(await snapshot(crew.id)).toEqual(before);

    // The same token still does the rest of its job.
    const item = crew.itemOf('dba');
    expect(
      (await dbaWriter.patch(crew.url(`/items/${item.id}`), { status: 'done', version: item.version })).status,
    ).toBe(200);
    // An outsider's read/write token is refused as before: not a signer at all.
    const outsiderWriter = crew.as(await makeToken(crew.people.outsider.id, ['read', 'write']));
    expectError(
      await outsiderWriter.post(crew.url(`/gates/${gate.id}/signoffs`), { decision: 'approve' }),
      403,
      'forbidden',
    );
  });

  it('npm run token:create makes a token that signs by default, and takes --scopes', async () => {
    const crew = await makeDrivenCrew();
    const [gate] = await gatesOf(crew.id);
    const url = crew.url(`/gates/${gate.id}/signoffs`);

    const plain = await tokenCreate(['--email', crew.people.dba.email, '--name', 'ci']);
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toContain('read, write, gates:sign');
    const plainToken = lastLine(plain.stdout);
    const row = await prisma.apiToken.findFirstOrThrow({ where: { userId: crew.people.dba.id, name: 'ci' } });
    expect(row.scopes).toEqual(['read', 'write', 'gates:sign']);
    // The account history names the command line as the maker, not the token's owner.
    expect(
      await prisma.accountEvent.findMany({
        where: {
          type: 'token.created',
          subject: crew.people.dba.email,
          payload: { path: ['prefix'], equals: row.prefix },
        },
        select: { actorId: true, actorName: true, payload: true },
      }),
    ).toEqual([
      {
        actorId: null,
        actorName: 'Command line (npm run token:create)',
        payload: {
          tokenName: 'ci',
          prefix: row.prefix,
          scopes: ['read', 'write', 'gates:sign'],
          deploymentId: null,
          via: 'cli',
        },
      },
    ]);

    const narrow = await tokenCreate(['--email', crew.people.dba.email, '--name', 'ticker', '--scopes', 'read, write']);
    expect(narrow.code, narrow.stderr).toBe(0);
    expectError(await crew.as(lastLine(narrow.stdout)).post(url, { decision: 'approve' }), 403, 'missing_scope');
    expect((await crew.as(plainToken).post(url, { decision: 'approve' })).status).toBe(201);

    const wrong = await tokenCreate(['--email', crew.people.dba.email, '--scopes', 'read,sign-everything']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('gates:sign');
  });
});
