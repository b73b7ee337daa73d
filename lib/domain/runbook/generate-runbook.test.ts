import { describe, expect, it } from 'vitest';
import { generateRunbook } from './generate-runbook';
import { allItems, countTaskLines, importOk } from './test-support';

describe('generateRunbook', () => {
  it('writes exactly the asked number of task lines, and they import as that many items', () => {
    for (const n of [1, 7, 23, 121]) {
      const markdown = generateRunbook(n);
      expect(countTaskLines(markdown)).toBe(n);
      expect(importOk(markdown).stats.items).toBe(n);
    }
  }, 30_000);

  it('produces owned items with commands, sections, timed phases and sign-off gates', () => {
    const { template, stats } = importOk(generateRunbook(300));
    expect(stats).toMatchObject({ items: 300, phases: 3, gates: 3 });
    expect(template.roles.map((r) => r.key)).toEqual([
      'ic',
      'database-admin',
      'devops-engineer',
      'qa-lead',
      'communications',
    ]);
    expect(template.phases.map((p) => [p.title, p.plannedStartMin, p.plannedDurationMin])).toEqual([
      ['Phase 1: Preparation', -60, 30],
      ['Phase 2: Database Migration', -30, 30],
      ['Phase 3: Deployment', 0, 30],
    ]);
    const items = allItems(template);
    expect(items.filter((i) => i.command).length).toBeGreaterThan(40);
    expect(items.find((i) => i.title === 'Step 5: verify service-5 is healthy')).toMatchObject({
      roleKey: 'ic',
      command: 'curl -fsS https://service-5.internal/health',
      expectedOutput: '200 OK',
      section: 'Section 1.1',
    });
    expect(template.phases[0].gates[0]).toMatchObject({ requiredRoles: ['ic', 'qa-lead'] });
  });

  it('imports a 5 000-item runbook as 5 000 items', () => {
    const markdown = generateRunbook(5000);
    const { stats } = importOk(markdown);
    expect(stats.items).toBe(5000);
    expect(stats.phases).toBe(Math.ceil(5000 / 120));
  }, 120_000);
});
