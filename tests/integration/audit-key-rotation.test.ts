import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { auditKeyId } from '@/lib/server/events/audit-key';
import { auditVerify, rewriteChain } from '../support/audit-verify';
import { makeCrew } from '../support/crew';
import { startOwnServer, type OwnServer } from '../support/own-server';

const OLD_KEY = inject('auditKey');
const NEW_KEY = 'the-rotated-audit-key-for-this-test-0123456789';
const bothKeys = { AUDIT_KEY: NEW_KEY, AUDIT_KEY_PREVIOUS: OLD_KEY };

/**
 * AUDIT_KEY rotation as an operator does it: a server on the old key, then every process restarted
 * with the new key and the old one in AUDIT_KEY_PREVIOUS. Its own database, since a new key seals
 * every chain in the database it starts on.
 */
describe('rotating the audit key', () => {
  let before: OwnServer;
  let after: OwnServer;
  let previousDatabaseUrl: string | undefined;
  /** A war room that goes on writing after the rotation, and one that finished before it. */
  let ongoing: Awaited<ReturnType<typeof makeCrew>>;
  let finished: Awaited<ReturnType<typeof makeCrew>>;
  /** The database owner's rewrite with the old key, leaked. */
  const leaked = (payload: Record<string, unknown>) => ({
    change: { payload },
    withKey: Buffer.from(OLD_KEY),
    databaseUrl: before.databaseUrl,
  });
  const update = (server: OwnServer, message: string) =>
    server.request('POST', `/api/deployments/${ongoing.deployment.id}/status-updates`, ongoing.tokens.ic, { message });

  beforeAll(async () => {
    before = await startOwnServer({}, { freshDatabase: true });
    previousDatabaseUrl = process.env.DATABASE_URL;
    process.env.DATABASE_URL = before.databaseUrl;
    [ongoing, finished] = [await makeCrew(), await makeCrew()];
    expect((await update(before, 'before the rotation')).status).toBe(201);
    const invited = await before.request('POST', '/api/invitations', before.adminToken, { email: 'kit@example.test' });
    expect(invited.status).toBe(201);
    await before.stopProcess();
    after = await startOwnServer(bothKeys, { databaseOf: before });
    expect((await update(after, 'after the rotation')).status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await after?.stop();
    await before?.stop();
    process.env.DATABASE_URL = previousDatabaseUrl;
  });

  it('verifies chains hashed before and after the rotation, given the earlier key', async () => {
    const env = { ...bothKeys, DATABASE_URL: before.databaseUrl };
    const mixed = await auditVerify(ongoing.deployment.id, env);
    expect(mixed.stdout).toMatch(/^intact: 3 events/);
    expect(mixed.status).toBe(0);
    const old = await auditVerify(finished.deployment.id, env);
    expect(old.stdout).toMatch(/^intact: 1 events/);
    expect(old.status).toBe(0);
  });

  it('covers a write by a process still on the old key once a process starts on the new key again', async () => {
    // This test process writes with the old key, as a process not yet restarted would.
    const late = await makeCrew();
    const env = { ...bothKeys, DATABASE_URL: before.databaseUrl };
    const uncovered = await auditVerify(late.deployment.id, env);
    expect(uncovered.stdout).toMatch(
      /^broken at seq 1: events #1–#1 were hashed with an earlier audit key and are not sealed with the current one/,
    );
    const again = await startOwnServer(bothKeys, { databaseOf: before });
    await again.stopProcess();
    const covered = await auditVerify(late.deployment.id, env);
    expect(covered.stdout).toMatch(/^intact: 1 events/);
  }, 60_000);

  it('names the key it was not given, rather than calling the log rewritten', async () => {
    const onlyNew = await auditVerify(ongoing.deployment.id, { AUDIT_KEY: NEW_KEY, DATABASE_URL: before.databaseUrl });
    expect(onlyNew.stdout).toContain(
      `broken at seq 1: event #1 was hashed with an audit key not given (id ${auditKeyId(Buffer.from(OLD_KEY))}): set AUDIT_KEY_PREVIOUS to the earlier audit keys`,
    );
    expect(onlyNew.status).toBe(1);
  });

  it('catches a finished war room rewritten with the leaked old key: the new key sealed its head', async () => {
    await rewriteChain(finished.deployment.id, 1, leaked({ name: 'nothing happened' }));
    const rewritten = await auditVerify(finished.deployment.id, { ...bothKeys, DATABASE_URL: before.databaseUrl });
    expect(rewritten.stdout).toMatch(
      /^broken at seq 1: events #1–#1 no longer match the seal made when the audit key changed/,
    );
    expect(rewritten.status).toBe(1);
  });

  it('catches an ongoing war room rewritten with the leaked old key up to its head', async () => {
    await rewriteChain(ongoing.deployment.id, 2, leaked({ message: 'all quiet' }));
    const rewritten = await auditVerify(ongoing.deployment.id, { ...bothKeys, DATABASE_URL: before.databaseUrl });
    expect(rewritten.stdout).toMatch(
      /^broken at seq 1: events #1–#2 no longer match the seal made when the audit key changed/,
    );
    expect(rewritten.status).toBe(1);
  });

  it('says in the account history that the key changed, and keeps that history verifiable', async () => {
    const history = await after.request('GET', '/api/account-events', after.adminToken);
    expect(history.status).toBe(200);
    const [newest] = (history.body as { events: { actorName: string; type: string; subject: string }[] }).events;
    expect(newest).toMatchObject({
      actorName: 'War Room',
      type: 'audit_key.changed',
      subject: `audit key ${auditKeyId(Buffer.from(NEW_KEY))}`,
    });
    const both = await auditVerify('--accounts', { ...bothKeys, DATABASE_URL: before.databaseUrl });
    expect(both.stdout).toMatch(/^intact: \d+ lines, chain head/);
    expect(both.status).toBe(0);
    const onlyNew = await auditVerify('--accounts', { AUDIT_KEY: NEW_KEY, DATABASE_URL: before.databaseUrl });
    expect(onlyNew.stdout).toMatch(/^broken at line 1: line 1 was hashed with an audit key not given/);
  });
});
