import { describe, expect, inject, it } from 'vitest';
import type { TemplateDefinition } from '@/lib/domain/template-definition';
import { prisma } from '@/lib/server/db';
import { makeToken } from '@/lib/server/seed/factories';
import { http } from '../support/http';
import { expectError } from '../support/lifecycle';
import { allItems, FIXTURES, MARKDOWN, person, read } from '../support/runbook-fixtures';

/**
 * The template library: templates made from Markdown or an edited preview, started as
 * deployments, renamed, duplicated, deleted and exported. The parse preview is in
 * templates-parse.test.ts.
 */

/** Import bookkeeping: source lines, the raw names a role came from, and where an owner came from (an export states every owner). */
const BOOKKEEPING = new Set(['line', 'aliases', 'roleSource', 'roleReason', 'roleConfidence']);

/** Structure only, without the import bookkeeping. */
function structure(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(structure);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !BOOKKEEPING.has(k))
        .map(([k, v]) => [k, structure(v)]),
    );
  }
  return value;
}

describe('the template library', () => {
  it('creates a template from Markdown, starts a deployment from it and shows a role its checklist', async () => {
    const { user, api } = await person('Cora Creator');
    const created = await api.post(
      '/api/templates?name=Canary%20go-live',
      read('canary-go-live-procedures.md'),
      MARKDOWN,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      name: 'Canary go-live',
      createdById: user.id,
      stats: { items: 130 },
      deployments: 0,
      canManage: true,
      hasSource: true,
    });
    const row = await prisma.template.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row.sourceMarkdown).toBe(read('canary-go-live-procedures.md'));

    const list = await api.get('/api/templates');
    expect(list.body.templates).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: created.body.id, name: 'Canary go-live' })]),
    );

    const deployment = await api.post('/api/deployments', {
      templateId: created.body.id,
      name: 'Checkout canary',
      version: '3.1.0',
      environment: 'production',
      goLiveAt: '2026-03-01T12:00:00Z',
    });
    expect(deployment.status).toBe(201);
    const state = (await api.get(`/api/deployments/${deployment.body.id}`)).body;
    expect(state).toMatchObject({
      name: 'Checkout canary',
      version: '3.1.0',
      goLiveAt: '2026-03-01T12:00:00.000Z',
      me: { roles: [expect.objectContaining({ key: 'ic', isIc: true })] },
    });
    const dbaKey = state.roles.find((r: { name: string }) => r.name === 'Database Admin').key;
    const flat = (
      items: { title: string; roleKey: string; children: unknown[] }[],
    ): { title: string; roleKey: string }[] => items.flatMap((i) => [i, ...flat(i.children as never)]);
    const dbaItems = state.phases
      .flatMap((p: { items: never[] }) => flat(p.items))
      .filter((i: { roleKey: string }) => i.roleKey === dbaKey);
    expect(dbaItems.map((i: { title: string }) => i.title)).toEqual(
      expect.arrayContaining([
        'Migrations tested',
        'Backups verified',
        'Restore procedures tested',
        'Performance optimized',
      ]),
    );
    expect((await api.get(`/api/templates/${created.body.id}`)).body.deployments).toBe(1);
  });

  it('creates from the edited preview JSON, and refuses roles the template does not declare', async () => {
    const { api } = await person('Edith Editor');
    const preview = (await api.post('/api/runbooks/parse', read('e02-tagging-go-live.md'), MARKDOWN)).body
      .template as TemplateDefinition;
    const edited = {
      ...preview,
      name: 'E02 edited',
      roles: preview.roles.map((r) => (r.key === 'qc-lead' ? { ...r, name: 'Quality Control Lead' } : r)),
    };
    const created = await api.post('/api/templates', {
      template: edited,
      sourceMarkdown: read('e02-tagging-go-live.md'),
    });
    expect(created.status).toBe(201);
    expect(created.body.definition.roles.find((r: { key: string }) => r.key === 'qc-lead').name).toBe(
      'Quality Control Lead',
    );
    expect(created.body.name).toBe('E02 edited');

    // What the import page sends: the Markdown again, with the mapping and the names typed in the preview.
    const fromMarkdown = await api.post('/api/templates', {
      markdown: read('e02-tagging-go-live.md'),
      roleMapping: { 'DBA-001': 'dba', 'Database Admin': 'dba' },
      roleNames: { dba: 'DBA team' },
      name: 'E02 mapped',
    });
    expect(fromMarkdown.status).toBe(201);
    expect(fromMarkdown.body.definition.roles).toEqual(
      expect.arrayContaining([expect.objectContaining({ key: 'dba', name: 'DBA team' })]),
    );
    expect(fromMarkdown.body.name).toBe('E02 mapped');

    const broken = {
      ...preview,
      phases: [{ ...preview.phases[0], items: [{ title: 'Orphan', roleKey: 'ghost', children: [] }] }],
    };
    const before = await prisma.template.count();
    expectError(await api.post('/api/templates', { template: broken }), 422, 'invalid_body');
    expectError(await api.post('/api/templates', { template: { name: 'x' } }), 422, 'invalid_body');
    expectError(await api.post('/api/templates', '# nothing to do\n', MARKDOWN), 422, 'invalid_runbook');
    expect(await prisma.template.count()).toBe(before);
  });

  it('renames and duplicates; only the creator or an admin may rename or delete; a read-only token may not create', async () => {
    const owner = await person('Olga Owner');
    const other = await person('Pete Peer');
    const admin = await person('Ada Admin', true);
    const id = (await owner.api.post('/api/templates', read('e02-tagging-go-live.md'), MARKDOWN)).body.id;

    expectError(await other.api.patch(`/api/templates/${id}`, { name: 'Hijacked' }), 403, 'forbidden');
    expectError(await owner.api.patch(`/api/templates/${id}`, { name: ' ' }), 422, 'invalid_body');
    const renamed = await owner.api.patch(`/api/templates/${id}`, { name: 'E02 tagging go-live' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'E02 tagging go-live', definition: { name: 'E02 tagging go-live' } });
    expect((await admin.api.patch(`/api/templates/${id}`, { name: 'E02 (admin)' })).status).toBe(200);

    const copy = await other.api.post(`/api/templates/${id}/duplicate`);
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ name: 'Copy of E02 (admin)', canManage: true, stats: { items: 18 } });
    expect(copy.body.id).not.toBe(id);
    const named = await other.api.post(`/api/templates/${id}/duplicate`, { name: 'E02 for billing' });
    expect(named.body.name).toBe('E02 for billing');

    expectError(await other.api.del(`/api/templates/${id}`), 403, 'forbidden');
    expect((await other.api.del(`/api/templates/${copy.body.id}`)).body).toEqual({ deleted: true, id: copy.body.id });
    expectError(await other.api.get(`/api/templates/${copy.body.id}`), 404, 'not_found');

    const readOnly = http({ token: await makeToken(other.user.id, ['read']) });
    expectError(await readOnly.post('/api/templates', read('e02-tagging-go-live.md'), MARKDOWN), 403, 'forbidden');
    expect((await readOnly.get('/api/templates')).status).toBe(200);
  });

  it('refuses to delete a template while a deployment uses it (409 in_use), and deletes it once unused', async () => {
    const { api } = await person('Una User');
    const id = (await api.post('/api/templates', read('e02-tagging-go-live.md'), MARKDOWN)).body.id;
    const deployment = await api.post('/api/deployments', {
      templateId: id,
      name: 'E02 go-live',
      goLiveAt: '2026-01-15T08:00:00Z',
    });
    expect(deployment.status).toBe(201);
    const refused = await api.del(`/api/templates/${id}`);
    expectError(refused, 409, 'in_use');
    expect(refused.body.error.message).toContain('E02 go-live');
    expect(await prisma.template.count({ where: { id } })).toBe(1);

    // Deployments are never deleted (their event log is append-only): detach it instead.
    await prisma.deployment.update({ where: { id: deployment.body.id }, data: { templateId: null } });
    expect((await api.del(`/api/templates/${id}`)).status).toBe(200);
    expect(await prisma.template.count({ where: { id } })).toBe(0);
  });

  it.each(FIXTURES)('%s: template → export.md → parse gives the same structure', async (file) => {
    const { api } = await person('Rita Roundtrip');
    const created = await api.post('/api/templates', read(file), MARKDOWN);
    expect(created.status).toBe(201);
    const exported = await api.get(`/api/templates/${created.body.id}/export.md`);
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-type')).toMatch(/^text\/markdown/);
    expect(exported.headers.get('content-disposition')).toMatch(/attachment; filename=".+\.md"/);
    const back = await api.post('/api/runbooks/parse', exported.body, MARKDOWN);
    expect(back.status).toBe(200);
    expect(structure(back.body.template)).toEqual(structure(created.body.definition));
    // Every assignment, suggested or not, comes back as the runbook's own word.
    expect(new Set(allItems(back.body.template).map((i) => i.roleSource))).toEqual(new Set(['runbook']));
  });

  it('lets the admin token create templates with no owner', async () => {
    const admin = http({ token: inject('adminToken') });
    const created = await admin.post('/api/templates', '- [ ] Only step @dba\n', MARKDOWN);
    expect(created.status).toBe(201);
    expect(created.body.createdById).toBeNull();
  });
});
