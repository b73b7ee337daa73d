import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeCrew } from '../support/crew';
import { baseUrl, http } from '../support/http';

/**
 * PostgreSQL keeps no NUL in text: wherever one arrives (a body, a runbook, a sign-in, an
 * address), it is refused with a clear error before anything is written, never a 500.
 */
describe('a NUL character', () => {
  it('is refused in a JSON body, a runbook, a sign-in and an address, naming it, and nothing is stored', async () => {
    const crew = await makeCrew();
    const asIc = http({ token: crew.tokens.ic });
    const id = crew.deployment.id;
    const url = (rest: string) => `/api/deployments/${id}${rest}`;
    const eventsBefore = await prisma.event.count({ where: { deploymentId: id } });
    const item = await prisma.checklistItem.findFirstOrThrow({ where: { deploymentId: id } });
    const writes: [string, string, string][] = [
      ['POST', url('/status-updates'), '{"message":"deploy\\u0000ing"}'],
      ['PATCH', url(`/items/${item.id}`), `{"status":"done","note":"ok\\u0000","version":${item.version}}`],
    ];
    for (const [method, path, body] of writes) {
      const res = await asIc.raw(method, path, body);
      expect({ path, status: res.status, code: res.body?.error?.code }).toEqual({
        path,
        status: 422,
        code: 'invalid_body',
      });
      expect(res.body.error.message).toContain('NUL');
    }
    expect(await prisma.event.count({ where: { deploymentId: id } })).toBe(eventsBefore);
    // A runbook is text too: a NUL byte in an imported Markdown file is refused the same way.
    const templatesBefore = await prisma.template.count();
    const runbook = await fetch(`${baseUrl()}/api/templates`, {
      method: 'POST',
      headers: { authorization: `Bearer ${crew.tokens.ic}`, 'content-type': 'text/markdown' },
      body: '# Go-live\n\n## Phase 1: Deploy\n\n- [ ] Deploy the build\u0000 now\n',
    });
    expect({ status: runbook.status, code: (await runbook.json()).error?.code }).toEqual({
      status: 422,
      code: 'invalid_body',
    });
    expect(await prisma.template.count()).toBe(templatesBefore);
    // better-auth's own routes too: signing in looks the email up before better-auth does.
    const signInWithNul = await fetch(`${baseUrl()}/api/auth/sign-in/email`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: baseUrl() },
      body: '{"email":"ic\\u0000@example.test","password":"whatever-it-is"}',
    });
    expect(signInWithNul.status).toBe(422);
    expect((await signInWithNul.json()).error.code).toBe('invalid_body');
    // Nor in an address: an id, a page's path or a query value with a NUL names nothing.
    for (const [method, path] of [
      ['GET', '/api/deployments/%00'],
      ['PATCH', url('/items/%00')],
      ['GET', '/api/templates/x%00y'],
      ['POST', '/api/templates?name=a%00b'],
      ['GET', '/deployments/%00'],
      ['GET', `/status/ws_${'a'.repeat(20)}%00`],
    ]) {
      const res = await asIc.raw(method, path, method === 'GET' ? undefined : '{}');
      expect({ path, status: res.status, code: res.body?.error?.code }).toEqual({
        path,
        status: 400,
        code: 'invalid_url',
      });
    }
    // An escaped backslash before "u0000" is a plain backslash and text: it is kept as written.
    const kept = await asIc.raw('POST', url('/status-updates'), '{"message":"C:\\\\u0000 is a path"}');
    expect(kept.status).toBe(201);
  });
});
