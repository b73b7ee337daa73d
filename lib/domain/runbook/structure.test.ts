import { describe, expect, it } from 'vitest';
import { parseRunbook } from './parse-runbook';
import { importOk } from './test-support';

describe('phases and sections from headings', () => {
  it('uses "##" as phases and "###" as sections when the phases sit there', () => {
    const { template, stats } = importOk(
      `# Cutover\n\n## Phase 1: Prepare\n\n### Backups\n- [ ] Snapshot\n\n### Access\n- [ ] Tokens\n\n## Phase 2: Switch\n\n### Traffic\n- [ ] Route 10%\n`,
    );
    expect(template.phases.map((p) => p.title)).toEqual(['Phase 1: Prepare', 'Phase 2: Switch']);
    expect(template.phases[0].items.map((i) => i.section)).toEqual(['Backups', 'Access']);
    expect(stats).toMatchObject({ phases: 2, sections: 3, items: 3 });
  });

  it('uses the deeper level when the timed phases are grouped under "##"', () => {
    const { template } = importOk(
      `# Go-live\n\n## Schedule\n\n### Phase 1: Preparation (T-30 minutes)\n- [ ] Open war room\n\n### Phase 2: Deployment (T+0 to T+30 min)\n- [ ] Deploy\n\n## Aftercare\n\n### First 24 Hours\n- [ ] Watch\n`,
    );
    expect(template.phases.map((p) => [p.title, p.plannedStartMin, p.plannedDurationMin, p.kind])).toEqual([
      ['Phase 1: Preparation', -30, null, 'normal'],
      ['Phase 2: Deployment', 0, 30, 'normal'],
      ['First 24 Hours', 0, 1440, 'normal'],
    ]);
  });

  it('puts items that come before the first phase into a phase of their own, with a warning', () => {
    const result = importOk('# R\n\n- [ ] Loose item\n\n## Phase 1\n\n- [ ] Real item\n');
    expect(result.template.phases.map((p) => p.title)).toEqual(['Preparation', 'Phase 1']);
    expect(result.warnings).toEqual([{ line: 3, message: expect.stringContaining('before the first phase') }]);
  });

  it('makes a heading-less checklist one phase named after the document, without a warning', () => {
    const result = importOk('# Quick release\n\n- [ ] Tag\n- [x] Changelog\n');
    expect(result.template.phases.map((p) => p.title)).toEqual(['Quick release']);
    expect(result.stats).toMatchObject({ items: 2, checkedItems: 1 });
    expect(result.warnings).toEqual([]);
  });

  it('drops phases with nothing to do, but keeps a sign-off or a scheduled window', () => {
    const { template } = importOk(
      `# R\n\n## Table of Contents\n\n1. Intro\n\n## Prepare\n- [ ] Go\n\n## Deploy Window (08:00Z - 08:30Z, 30 min)\n\nDeploy happens here.\n\n## Sign-Off\n\n| Role | Approval |\n|---|---|\n| QA Lead | |\n\n## Appendix\n\nNotes.\n`,
    );
    expect(template.phases.map((p) => p.title)).toEqual(['Prepare', 'Deploy Window', 'Sign-Off']);
  });

  it('names the template after the first real title, not a file name', () => {
    expect(importOk('# GO_LIVE.md\n\n# Production Go-Live\n\n- [ ] Go\n').template.name).toBe('Production Go-Live');
    expect(importOk('# Anything\n\n- [ ] Go\n', { name: 'Chosen name' }).template.name).toBe('Chosen name');
  });

  it('lets a thematic break end a section', () => {
    const { template } = importOk('# R\n\n## P\n\n### S\n- [ ] In section\n\n---\n\n- [ ] After the break\n');
    expect(template.phases[0].items.map((i) => i.section)).toEqual(['S', null]);
  });
});

describe('phase kinds', () => {
  it('recognises rollback and post-go-live phases', () => {
    const { template } = importOk(
      [
        'Pre-Deployment',
        'Set up monitoring',
        'Cutover',
        'Post-Go-Live Support',
        'Hypercare (Week 1)',
        'Phase 4: Monitoring',
        'Rollback Procedure',
        'Post-Deployment Validation',
      ]
        .map((t) => `## ${t}\n- [ ] Task\n`)
        .join('\n'),
    );
    expect(template.phases.map((p) => [p.title, p.kind])).toEqual([
      ['Pre-Deployment', 'normal'],
      ['Set up monitoring', 'normal'],
      ['Cutover', 'normal'],
      ['Post-Go-Live Support', 'monitoring'],
      ['Hypercare (Week 1)', 'monitoring'],
      ['Phase 4: Monitoring', 'monitoring'],
      ['Rollback Procedure', 'rollback'],
      ['Post-Deployment Validation', 'monitoring'],
    ]);
  });

  it('inherits the kind of a grouping heading', () => {
    const { template } = importOk(
      '# R\n\n## Post-Launch Activities\n\n### First Week (Day 1-7)\n- [ ] Daily review\n\n### Milestone: 48 Hours Post-Launch\n- [ ] Sign off\n',
    );
    expect(template.phases.map((p) => [p.kind, p.plannedStartMin])).toEqual([
      ['monitoring', 1440],
      ['monitoring', 2880],
    ]);
  });
});

describe('go-live time', () => {
  it('places clock times relative to a stated go-live time', () => {
    const { template } = importOk(
      '# R\n\n**Go-live:** 08:00Z\n\n## Prep (07:30Z - 07:55Z, 25 min)\n- [ ] A\n\n## Deploy (08:00Z - 08:30Z)\n- [ ] B\n',
    );
    expect(template.phases.map((p) => [p.plannedStartMin, p.plannedDurationMin])).toEqual([
      [-30, 25],
      [0, 30],
    ]);
  });

  it('works the go-live time out from a phase that gives both "T-30" and a clock', () => {
    const { template } = importOk(
      '# R\n\n## Phase 1 (T-30 minutes)\n\n**11:30 AM UTC**\n\n- [ ] A\n\n## Phase 3 (12:30 PM UTC - 1:00 PM UTC)\n- [ ] B\n',
    );
    expect(template.phases.map((p) => [p.plannedStartMin, p.plannedDurationMin])).toEqual([
      [-30, null],
      [30, 30],
    ]);
  });

  it('keeps durations but no start when no go-live time is known', () => {
    const { template, warnings } = importOk('# R\n\n## Prep (07:30Z - 07:55Z, 25 min)\n- [ ] A\n');
    expect(template.phases[0]).toMatchObject({ plannedStartMin: null, plannedDurationMin: 25 });
    expect(warnings).toEqual([]);
  });
});

describe('refusals', () => {
  it('refuses a document without a single task line, saying what is missing', () => {
    const result = parseRunbook('# Notes\n\n- just a bullet\n\n```\n- [ ] inside code\n```\n');
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('- [ ]'), warnings: [] });
  });

  it('refuses oversized input without parsing it', () => {
    const result = parseRunbook(`- [ ] x\n${'a'.repeat(1_000_001)}`);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/larger than 1 MB/);
  });
});
