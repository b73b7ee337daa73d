import { describe, expect, it } from 'vitest';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { http } from '../support/http';
import { PAYMENTS_RUNBOOK, PAYMENTS_RUNBOOK_FIXED } from '../support/runbooks';

const MARKDOWN = { 'content-type': 'text/markdown; charset=utf-8' };
const RUNBOOK = PAYMENTS_RUNBOOK;
const FIXED = PAYMENTS_RUNBOOK_FIXED;

describe('GET /api/templates/:id/export.md?version=N', () => {
  it('exports an older version as Markdown that imports back to the same content', async () => {
    const user = await makeUser({ name: 'Rory Roundtrip' });
    const api = http({ token: await makeToken(user.id) });
    const created = await api.post('/api/templates', { markdown: RUNBOOK, name: `Payments ${Date.now()}` });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await api.post(`/api/templates/${id}/versions`, FIXED, MARKDOWN)).status).toBe(201);

    const v1 = await api.get(`/api/templates/${id}/export.md?version=1`);
    expect(v1.status).toBe(200);
    expect(v1.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(v1.headers.get('content-disposition')).toMatch(/attachment; filename=".+-v1\.md"/);
    expect(v1.body).toContain('npm run migrate');
    expect(v1.body).not.toContain('--lock-timeout=5s');
    // Without a version: the newest.
    expect((await api.get(`/api/templates/${id}/export.md`)).body).toContain('--lock-timeout=5s');

    // Imported back as the next version, it is version 1 again: nothing between them differs.
    const reimported = await api.post(`/api/templates/${id}/versions`, v1.body, MARKDOWN);
    expect(reimported.status).toBe(201);
    expect(reimported.body.version.version).toBe(3);
    const same = await api.get(`/api/templates/${id}/diff?from=1&to=3`);
    expect(same.status).toBe(200);
    expect(same.body.changes).toEqual([]);
    const undone = await api.get(`/api/templates/${id}/diff?from=2&to=3`);
    expect(undone.body.changes).toEqual([
      expect.objectContaining({
        kind: 'changed',
        before: 'npm run migrate -- --lock-timeout=5s',
        after: 'npm run migrate',
      }),
    ]);
  });

  it('refuses a version that is not a number or does not exist', async () => {
    const user = await makeUser({ name: 'Vic Versionless' });
    const api = http({ token: await makeToken(user.id) });
    const id = (await api.post('/api/templates', { markdown: RUNBOOK, name: `Payments ${Date.now()}` })).body.id;
    for (const [query, status, code] of [
      ['version=', 400, 'invalid_query'],
      ['version=0', 400, 'invalid_query'],
      ['version=two', 400, 'invalid_query'],
      ['version=9', 404, 'unknown_version'],
    ] as const) {
      const res = await api.get(`/api/templates/${id}/export.md?${query}`);
      expect([query, res.status, res.body.error?.code]).toEqual([query, status, code]);
    }
  });
});
