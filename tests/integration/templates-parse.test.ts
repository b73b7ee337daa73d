import { describe, expect, it } from 'vitest';
import type { TemplateDefinition } from '@/lib/domain/template-definition';
import { prisma } from '@/lib/server/db';
import { http } from '../support/http';
import { expectError } from '../support/lifecycle';
import { allItems, FIXTURES, MARKDOWN, person, read } from '../support/runbook-fixtures';

/**
 * POST /api/runbooks/parse: a runbook read into a template preview, nothing stored. Saving,
 * exporting and managing templates is in templates-library.test.ts.
 */

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
