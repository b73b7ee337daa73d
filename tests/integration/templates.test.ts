import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { TemplateDefinition, TemplateItem } from '@/lib/domain/template-definition';
import { prisma } from '@/lib/server/db';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { http } from '../support/http';
import { expectError } from '../support/lifecycle';

const DIR = path.resolve(__dirname, '../fixtures/runbooks');
const FIXTURES = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .sort();
const read = (name: string) => fs.readFileSync(path.join(DIR, name), 'utf8');
const MARKDOWN = { 'content-type': 'text/markdown; charset=utf-8' };

/** Task-list lines (`- [ ]`, `* [x]`, `1. [ ]`) outside fenced code: the items a runbook must yield. */
function taskLines(text: string): number {
  let fenced: string | null = null;
  let count = 0;
  for (const line of text.split('\n')) {
    const fence = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (!fenced) fenced = fence[1][0];
      else if (fence[1][0] === fenced) fenced = null;
      continue;
    }
    if (!fenced && /^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\](?:\s|$)/.test(line)) count += 1;
  }
  return count;
}

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

const allItems = (t: TemplateDefinition) => {
  const out: TemplateItem[] = [];
  const walk = (list: TemplateItem[]) => list.forEach((i) => (out.push(i), walk(i.children)));
  t.phases.forEach((p) => walk(p.items));
  return out;
};

async function person(name: string, isAdmin = false) {
  const user = await makeUser({ name, isAdmin });
  return { user, api: http({ token: await makeToken(user.id) }) };
}

describe('POST /api/runbooks/parse', () => {
  it.each(FIXTURES)('%s: one item per task-list line, and nothing is stored', async (file) => {
    const { api } = await person('Parser');
    const text = read(file);
    const before = await prisma.template.count();
    const res = await api.post('/api/runbooks/parse', text, MARKDOWN);
    expect(res.status).toBe(200);
    expect(res.body.stats.items).toBe(taskLines(text));
    expect(allItems(res.body.template)).toHaveLength(taskLines(text));
    expect(Object.keys(res.body.stats).sort()).toEqual([
      'checkedItems',
      'gates',
      'items',
      'phases',
      'roles',
      'rules',
      'sections',
    ]);
    for (const w of res.body.warnings) expect(w).toEqual({ line: expect.any(Number), message: expect.any(String) });
    expect(await prisma.template.count()).toBe(before);
  });

  it('reads phases with times, roles with their raw names, the sign-off gate and the metric table (E02)', async () => {
    const { api } = await person('Parser');
    const { body, status } = await api.post('/api/runbooks/parse', read('e02-tagging-go-live.md'), {
      'content-type': 'text/plain',
    });
    expect(status).toBe(200);
    const t = body.template as TemplateDefinition;
    expect(body.stats).toMatchObject({ phases: 4, items: 18, checkedItems: 14, gates: 1, rules: 6 });
    expect(t.phases[0]).toMatchObject({
      title: 'Pre-Deployment Checklist',
      plannedStartMin: -30,
      plannedDurationMin: 25,
    });
    expect(t.phases[1]).toMatchObject({ title: 'Deployment Steps', plannedStartMin: 0, plannedDurationMin: 30 });
    // Broken encoding ("‚úÖ") is repaired.
    expect(t.phases[0].items[0].title).toContain('✅');
    expect(t.roles.find((r) => r.name === 'Database Admin')?.aliases).toEqual(
      expect.arrayContaining(['Database Admin', 'DBA-001']),
    );
    const gate = t.phases.flatMap((p) => p.gates).find((g) => g.title === 'Deployment Sign-Off');
    expect(gate?.requiredRoles).toEqual(['deployment-lead', 'qc-lead', 'operations-manager']);
    expect(t.rules.find((r) => r.series === 'p95_latency')).toMatchObject({
      comparison: '>',
      unit: 'ms',
      target: 100,
      critical: 300,
    });
    expect(t.rules.find((r) => r.series === 'error_rate')).toMatchObject({
      comparison: '>',
      unit: '%',
      target: 0.1,
      critical: 1,
    });
  });

  it('reads responsibility blocks and the team table (canary) and the numbered phases (blue-green)', async () => {
    const { api } = await person('Parser');
    const canary = (await api.post('/api/runbooks/parse', read('canary-go-live-procedures.md'), MARKDOWN)).body
      .template as TemplateDefinition;
    expect(canary.roles.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'Technical Lead',
        'Database Admin',
        'DevOps Engineer',
        'Communications',
        'Product Manager',
      ]),
    );
    expect(canary.phases.find((p) => p.title === 'Phase 2: Deployment')).toMatchObject({
      plannedStartMin: 0,
      plannedDurationMin: 30,
    });
    const dba = canary.roles.find((r) => r.name === 'Database Admin')!;
    const stated = allItems(canary).filter((i) => i.roleKey === dba.key && i.roleSource === 'runbook');
    expect(stated.map((i) => i.title)).toEqual([
      'Migrations tested',
      'Backups verified',
      'Restore procedures tested',
      'Performance optimized',
    ]);
    // Unowned steps about the database are suggested to the same role, never to a new one.
    expect(
      allItems(canary).filter((i) => i.roleKey === dba.key && i.roleSource === 'suggested').length,
    ).toBeGreaterThan(0);
    expect(canary.decisionTree.map((l) => l.level)).toEqual(expect.arrayContaining([1, 2, 3]));

    const blueGreen = (await api.post('/api/runbooks/parse', read('blue-green-cutover-tasks.md'), MARKDOWN)).body;
    expect(blueGreen.stats).toMatchObject({ items: 168, checkedItems: 9 });
    const cutover = (blueGreen.template as TemplateDefinition).phases.find(
      (p) => p.title === 'Phase 10.5: Traffic Cutover',
    )!;
    expect(cutover.items[0].title).toBe('T1212 Verify Blue environment passing all validation');
  });

  it('applies a role mapping from the query or a JSON body: two raw names merge into one key', async () => {
    const { api } = await person('Parser');
    const mapping = { 'DBA-001': 'dba', 'Database Admin': 'dba' };
    const viaQuery = await api.post(
      `/api/runbooks/parse?roleMapping=${encodeURIComponent(JSON.stringify(mapping))}`,
      read('e02-tagging-go-live.md'),
      MARKDOWN,
    );
    const viaJson = await api.post('/api/runbooks/parse', {
      markdown: read('e02-tagging-go-live.md'),
      roleMapping: mapping,
      name: 'E02 tagging',
    });
    for (const res of [viaQuery, viaJson]) {
      expect(res.status).toBe(200);
      const dba = (res.body.template as TemplateDefinition).roles.filter((r) =>
        r.aliases.some((a) => a === 'DBA-001' || a === 'Database Admin'),
      );
      expect(dba).toEqual([
        expect.objectContaining({ key: 'dba', aliases: expect.arrayContaining(['DBA-001', 'Database Admin']) }),
      ]);
    }
    expect(viaJson.body.template.name).toBe('E02 tagging');
    expectError(await api.post('/api/runbooks/parse?roleMapping=nope', '- [ ] a', MARKDOWN), 422, 'invalid_body');
  });

  it('answers 413 above 1 MB before parsing, 422 without a checklist, 401 without sign-in', async () => {
    const { api } = await person('Parser');
    const big = `- [ ] step\n${'x'.repeat(1_000_001)}`;
    expectError(await api.post('/api/runbooks/parse', big, MARKDOWN), 413, 'payload_too_large');
    expectError(await api.post('/api/runbooks/parse', { markdown: big }), 413, 'payload_too_large');
    const none = await api.post(
      '/api/runbooks/parse',
      '# Release notes\n\nJust prose, a table and no tasks.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n',
      MARKDOWN,
    );
    expectError(none, 422, 'invalid_runbook');
    expect(none.body.error.message).toMatch(/No checklist items/);
    expect(none.body.error.warnings).toEqual(expect.any(Array));
    expectError(await api.post('/api/runbooks/parse', '', MARKDOWN), 422, 'invalid_runbook');
    expectError(await http().post('/api/runbooks/parse', '- [ ] a', MARKDOWN), 401, 'unauthenticated');
  });
});

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
