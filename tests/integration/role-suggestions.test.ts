import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TemplateDefinition, TemplateItem } from '@/lib/domain/template-definition';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { http } from '../support/http';
import { expectError } from '../support/lifecycle';

/** POST /api/runbooks/parse: every item says who owns it, where that came from and why. */

const read = (name: string) => fs.readFileSync(path.resolve(__dirname, '../fixtures/runbooks', name), 'utf8');
const MARKDOWN = { 'content-type': 'text/markdown; charset=utf-8' };

const allItems = (t: TemplateDefinition) => {
  const out: TemplateItem[] = [];
  const walk = (list: TemplateItem[]) => list.forEach((i) => (out.push(i), walk(i.children)));
  t.phases.forEach((p) => walk(p.items));
  return out;
};

async function parser() {
  const user = await makeUser({ name: 'Role Parser' });
  return http({ token: await makeToken(user.id) });
}

describe('POST /api/runbooks/parse: owners', () => {
  it('suggests owners for a runbook that names none, each with a reason; the team has at least 4 roles', async () => {
    const api = await parser();
    const res = await api.post('/api/runbooks/parse', read('unowned/kubernetes-production-checklist.md'), MARKDOWN);
    expect(res.status).toBe(200);
    const template = res.body.template as TemplateDefinition;
    const items = allItems(template);
    for (const i of items) {
      expect(i).toEqual(
        expect.objectContaining({
          roleKey: expect.any(String),
          roleSource: expect.stringMatching(/^(suggested|default)$/),
          roleReason: expect.any(String),
        }),
      );
    }
    const dump = items.find((i) => i.title.startsWith('Run alembic upgrade head'))!;
    expect(dump).toMatchObject({ roleKey: 'dba', roleSource: 'suggested', roleReason: 'step mentions "alembic"' });
    const counts = new Map<string, number>();
    for (const i of items) counts.set(i.roleKey, (counts.get(i.roleKey) ?? 0) + 1);
    expect(counts.size).toBeGreaterThanOrEqual(4);
    expect(Math.max(...counts.values()) / items.length).toBeLessThanOrEqual(0.6);
    expect(res.body.stats.roles).toBe(template.roles.length);
  });

  it('keeps what the runbook states: "(DBA)", "@qa" and owner headings are source "runbook"', async () => {
    const api = await parser();
    const markdown =
      '# Go-live\n\n## Deploy\n\n- [ ] (DBA) Take a verified backup\n- [ ] Notify customers @qa\n- [ ] Run pg_dump\n';
    const template = (await api.post('/api/runbooks/parse', markdown, MARKDOWN)).body.template as TemplateDefinition;
    expect(allItems(template).map((i) => [i.title, i.roleKey, i.roleSource])).toEqual([
      ['Take a verified backup', 'dba', 'runbook'],
      ['Notify customers', 'qa', 'runbook'],
      ['Run pg_dump', 'dba', 'suggested'],
    ]);
    expect(template.roles.map((r) => r.key)).toEqual(['ic', 'dba', 'qa']);
  });

  it('?suggestRoles=false (or "suggestRoles": false) leaves unowned steps with the IC, source "default"', async () => {
    const api = await parser();
    const markdown = read('unowned/release-execution-log.md');
    const viaQuery = await api.post('/api/runbooks/parse?suggestRoles=false', markdown, MARKDOWN);
    const viaJson = await api.post('/api/runbooks/parse', { markdown, suggestRoles: false });
    for (const res of [viaQuery, viaJson]) {
      expect(res.status).toBe(200);
      const template = res.body.template as TemplateDefinition;
      expect(template.roles.map((r) => r.key)).toEqual(['ic']);
      expect(new Set(allItems(template).map((i) => `${i.roleKey} ${i.roleSource}`))).toEqual(new Set(['ic default']));
    }
    expectError(await api.post('/api/runbooks/parse?suggestRoles=maybe', markdown, MARKDOWN), 422, 'invalid_body');
  });

  it('a template created from Markdown keeps the suggested owners and their reasons', async () => {
    const api = await parser();
    const created = await api.post(
      '/api/templates?name=K8s%20checklist',
      read('unowned/kubernetes-production-checklist.md'),
      MARKDOWN,
    );
    expect(created.status).toBe(201);
    const stored = allItems(created.body.definition as TemplateDefinition);
    expect(stored.find((i) => i.title.startsWith('Run alembic upgrade head'))).toMatchObject({
      roleKey: 'dba',
      roleSource: 'suggested',
      roleReason: 'step mentions "alembic"',
    });
  });
});

describe('PATCH /api/templates/:id with an edited definition (the template editor)', () => {
  it('stores moved owners and a new role; refuses a step whose role is not declared, changing nothing', async () => {
    const api = await parser();
    const created = await api.post(
      '/api/templates?name=Owners',
      '# R\n\n## Go\n\n- [ ] Run pg_dump\n- [ ] Notify customers\n',
      MARKDOWN,
    );
    expect(created.status).toBe(201);
    const definition = created.body.definition as TemplateDefinition;
    const edited: TemplateDefinition = {
      ...definition,
      roles: [
        ...definition.roles,
        { key: 'security-lead', name: 'Security Lead', isIc: false, contact: null, aliases: [] },
      ],
      phases: definition.phases.map((p) => ({
        ...p,
        items: p.items.map((i) => ({
          ...i,
          roleKey: 'security-lead',
          roleSource: 'runbook' as const,
          roleReason: 'assigned by hand',
        })),
      })),
    };
    const saved = await api.patch(`/api/templates/${created.body.id}`, { name: 'Owners', definition: edited });
    expect(saved.status).toBe(200);
    expect(allItems(saved.body.definition).map((i) => [i.roleKey, i.roleSource])).toEqual([
      ['security-lead', 'runbook'],
      ['security-lead', 'runbook'],
    ]);
    expect(saved.body.stats.roles).toBe(edited.roles.length);

    const broken = { ...edited, roles: edited.roles.filter((r) => r.key !== 'security-lead') };
    expectError(
      await api.patch(`/api/templates/${created.body.id}`, { name: 'Owners', definition: broken }),
      422,
      'invalid_body',
    );
    expect(
      allItems((await api.get(`/api/templates/${created.body.id}`)).body.definition).map((i) => i.roleKey),
    ).toEqual(['security-lead', 'security-lead']);
  });
});
