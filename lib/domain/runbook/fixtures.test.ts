import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateDefinitionSchema } from '../template-definition';
import { allItems, countTaskLines, importOk, item } from './test-support';

/** The three real runbooks in tests/fixtures/runbooks, imported as a user would import them. */

const fixture = (name: string) =>
  readFileSync(path.resolve(__dirname, '../../../tests/fixtures/runbooks', `${name}.md`), 'utf8');

const MOJIBAKE = /â€|âœ|â†|ðŸ|‚Ä|‚úÖ|‚ùå|‚Üí|\uF8FF/;

function commonChecks(markdown: string) {
  const result = importOk(markdown);
  expect(result.stats.items).toBe(countTaskLines(markdown));
  expect(() => templateDefinitionSchema.parse(result.template)).not.toThrow();
  const keys = new Set(result.template.roles.map((r) => r.key));
  for (const i of allItems(result.template)) expect(keys.has(i.roleKey), i.title).toBe(true);
  expect(JSON.stringify(result.template)).not.toMatch(MOJIBAKE);
  for (const w of result.warnings) expect(w.line).toBeGreaterThan(0);
  return result;
}

describe('e02-tagging-go-live.md (Mac Roman mojibake, clock times, sign-off and metric tables)', () => {
  const markdown = fixture('e02-tagging-go-live');
  const { template, stats, warnings } = commonChecks(markdown);
  const phase = (title: string) => template.phases.find((p) => p.title === title)!;

  it('imports every task line, ticked ones as done before start', () => {
    expect(stats).toMatchObject({ items: 18, checkedItems: 14, phases: 4, sections: 4, gates: 1, rules: 6 });
    expect(item(template, 'Pre-migration snapshot: Backup created 2026-01-14 18:00Z ✅')).toMatchObject({
      doneBeforeStart: true,
      line: 13,
      section: 'Database & Backup',
    });
    expect(item(template, 'Status page: Update to "deployment in progress"')).toMatchObject({
      doneBeforeStart: false,
      line: 39,
      section: 'Communication',
    });
  });

  it('repairs the title and reads the go-live time from the document', () => {
    expect(template.name).toBe('E02 Deployment Readiness – Production Go-Live 2026-01-15 08:00Z');
    expect(template.phases.map((p) => [p.title, p.kind, p.plannedStartMin, p.plannedDurationMin])).toEqual([
      ['Pre-Deployment Checklist', 'normal', -30, 25],
      ['Deployment Steps', 'normal', 0, 30],
      ['Post-Deployment Monitoring', 'monitoring', 30, 30],
      ['Deployment Sign-Off', 'normal', null, null],
    ]);
  });

  it('lists the command-only deployment steps in the phase description, and says why', () => {
    expect(phase('Deployment Steps').items).toEqual([]);
    expect(phase('Deployment Steps').description.split('\n')).toEqual([
      'Step 1: Pre-Deployment Validation (5 min)',
      'Step 2: Deploy API Service (10 min)',
      'Step 3: Enable Tag Endpoints (5 min)',
      'Step 4: Enable Document Ingestion (5 min)',
      'Step 5: Final Validation (5 min)',
    ]);
    expect(warnings.map((w) => w.line)).toEqual([43, 177, 178]);
  });

  it('turns the sign-off table into a gate for the roles that sign, merging "Operations" into "Operations Manager"', () => {
    expect(phase('Deployment Sign-Off').gates).toEqual([
      {
        title: 'Deployment Sign-Off',
        kind: 'gate',
        offsetMin: null,
        requiredRoles: ['deployment-lead', 'qc-lead', 'operations-manager'],
      },
    ]);
    expect(template.roles.map((r) => r.key)).toEqual([
      'ic',
      'deployment-lead',
      'qc-lead',
      'operations-manager',
      'database-admin',
      'domain-leads',
    ]);
    expect(template.roles.find((r) => r.key === 'deployment-lead')).toMatchObject({
      contact: 'DEV-024, dev024@co.com, x5001, @dev-024',
      aliases: ['Deployment Lead', 'DEV-024'],
    });
    expect(template.roles.find((r) => r.key === 'operations-manager')?.aliases).toEqual([
      'Operations',
      'Ops Manager',
      'Operations Manager',
      'Ops-MGR',
    ]);
    expect(template.roles.find((r) => r.key === 'database-admin')?.aliases).toEqual(['Database Admin', 'DBA-001']);
  });

  it('reads the metric table into rules with parsed thresholds', () => {
    expect(template.rules.map((r) => [r.series, r.comparison, r.target, r.critical, r.unit])).toEqual([
      ['p95_latency', '>', 100, 300, 'ms'],
      ['error_rate', '>', 0.1, 1, '%'],
      ['audit_log_lag', '>', 2, 10, 's'],
      ['cpu', '>', 40, 70, '%'],
      ['tag_assignment_success', '<', 95, 90, '%'],
      ['classification_accuracy', '<', 90, 85, '%'],
    ]);
  });

  it('reads minor and serious issues into decision levels, with the one checkable trigger as a condition', () => {
    expect(template.decisionTree.map((l) => [l.level, l.title, l.action])).toEqual([
      [1, 'Minor Issues', 'continue monitoring'],
      [2, 'Serious Issues', 'consider rollback'],
    ]);
    expect(template.decisionTree[1].conditions).toEqual([
      {
        series: 'classification_accuracy',
        comparison: '<',
        value: 80,
        unit: '%',
        sustainSec: 0,
        text: 'Classification accuracy <80%',
      },
    ]);
    expect(template.decisionTree[1].symptoms).toEqual([
      'Persistent errors (>10 in 5 min)',
      'Database unavailable >30 seconds',
      'Tags not being assigned (0% success rate)',
    ]);
    expect(template.decisionTree[0].symptoms).toContain('Audit log lag <5 seconds');
  });
});

describe('canary-go-live-procedures.md (relative times, team table, responsibilities, Level 1-3 tree)', () => {
  const markdown = fixture('canary-go-live-procedures');
  const { template, stats, warnings } = commonChecks(markdown);
  const phase = (title: string) => template.phases.find((p) => p.title === title)!;

  it('imports all 130 task lines, nested under their bold parent items', () => {
    expect(stats).toMatchObject({ items: 130, phases: 12, roles: 7, gates: 2, rules: 0 });
    const audit = item(template, 'Security Audit');
    expect(audit.children.map((c) => c.title)).toEqual([
      'API keys rotated and secured',
      'SSL certificates valid and installed',
      'Database credentials secured in vault',
      'Redis auth enabled and strong password',
      'Security headers configured',
      'Rate limiting enabled',
      'DDoS protection active',
    ]);
    expect(audit.line).toBe(27);
  });

  it('skips the file-name heading for the name, and times every phase relative to go-live', () => {
    expect(template.name).toBe('Production Go-Live Procedures');
    expect(template.phases.map((p) => [p.title, p.kind, p.plannedStartMin, p.plannedDurationMin])).toEqual([
      ['72 Hours Before Go-Live', 'normal', -4320, null],
      ['24 Hours Before Go-Live', 'normal', -1440, null],
      ['1 Hour Before Go-Live', 'normal', -60, null],
      ['Phase 1: Preparation', 'normal', -30, null],
      ['Phase 2: Deployment', 'normal', 0, 30],
      ['Phase 3: Gradual Rollout', 'normal', 30, 30],
      ['Phase 4: Monitoring', 'monitoring', 60, 120],
      ['Pre-Launch Responsibilities', 'normal', null, null],
      ['First 24 Hours', 'monitoring', 0, 1440],
      ['First Week', 'monitoring', 0, 10080],
      ['Milestone: 48 Hours Post-Launch', 'monitoring', 2880, null],
      ['Milestone: 1 Week Post-Launch', 'monitoring', 10080, null],
    ]);
  });

  it('reads the War Room Roles table, merging the Incident Commander into the IC role', () => {
    expect(template.roles.map((r) => [r.key, r.name, r.contact])).toEqual([
      ['ic', 'Incident Commander', '@ic'],
      ['technical-lead', 'Technical Lead', '@tech-lead'],
      ['database-admin', 'Database Admin', '@dba'],
      ['devops-engineer', 'DevOps Engineer', '@devops'],
      ['monitoring-lead', 'Monitoring Lead', '@monitoring'],
      ['communications', 'Communications', '@comms'],
      ['product-manager', 'Product Manager', '@product'],
    ]);
  });

  it('gives the pre-launch responsibilities to the role labelled above them', () => {
    const owners = phase('Pre-Launch Responsibilities').items.map((i) => [i.title, i.roleKey]);
    expect(owners).toContainEqual(['Code reviewed and tested on staging', 'technical-lead']);
    expect(owners).toContainEqual(['Migrations tested', 'database-admin']);
    expect(owners).toContainEqual(['Containers built and tested', 'devops-engineer']);
    expect(owners).toContainEqual(['FAQ published', 'communications']);
    expect(item(template, 'Incident Commander opens war room (Zoom)').roleKey).toBe('ic');
    expect(item(template, 'Product manager approval').roleKey).toBe('product-manager');
  });

  it('makes the canary go/no-go decisions gates for the IC', () => {
    expect(phase('Phase 3: Gradual Rollout').gates).toEqual([
      { title: 'Go/No-Go Decision: 12:35 PM', kind: 'gate', offsetMin: null, requiredRoles: ['ic'] },
      { title: 'Go/No-Go Decision: 12:45 PM', kind: 'gate', offsetMin: null, requiredRoles: ['ic'] },
    ]);
    expect(phase('Phase 2: Deployment').description).toContain('Step 3: Database Migrations (5 min)');
    expect(warnings.map((w) => w.line)).toEqual([151, 244]);
  });

  it('reads the Level 1-3 decision tree with its thresholds, and not the alerting lists', () => {
    const tree = template.decisionTree;
    expect(tree.map((l) => [l.level, l.title, l.action])).toEqual([
      [1, 'Minor Issues', "Don't Rollback"],
      [2, 'Major Issues', 'Prepare Rollback'],
      [3, 'Critical Issues', 'Immediate Rollback'],
    ]);
    const conditions = tree.map((l) => l.conditions.map((c) => `${c.series} ${c.comparison} ${c.value}${c.unit}`));
    expect(conditions).toEqual([
      ['error_rate > 1%', 'p95_latency > 500ms'],
      ['error_rate > 3%', 'p95_latency > 1000ms'],
      ['error_rate > 10%'],
    ]);
    expect(tree[2].symptoms).toEqual([
      'Service completely down',
      'Data corruption detected',
      'Security issue detected',
    ]);
    expect(tree[1].symptoms).toEqual(['Core functionality degraded', 'Multiple components affected']);
  });
});

describe('blue-green-cutover-tasks.md (Windows-1252 mojibake, numbered phases, rollback triggers)', () => {
  const markdown = fixture('blue-green-cutover-tasks');
  const { template, stats, warnings } = commonChecks(markdown);

  it('imports the 168 task lines into the ten numbered phases and the validation checklist', () => {
    expect(stats).toMatchObject({
      items: 168,
      checkedItems: 9,
      phases: 11,
      sections: 27,
      gates: 0,
      rules: 0,
      roles: 7,
    });
    expect(template.name).toBe('Tasks: Production Deployment & Go-Live');
    expect(template.phases.map((p) => p.title)).toEqual([
      'Phase 10.1: Pre-Deployment Preparation',
      'Phase 10.2: Deployment Planning',
      'Phase 10.3: Blue Environment Deployment',
      'Phase 10.4: Blue Environment Validation',
      'Phase 10.5: Traffic Cutover',
      'Phase 10.6: Green Environment Decommission',
      'Phase 10.7: Post-Deployment Validation',
      'Phase 10.8: Documentation & Knowledge Transfer',
      'Phase 10.9: Go-Live Celebration & Retrospective',
      'Phase 10.10: Post-Go-Live Support',
      'Validation Checklist',
    ]);
    expect(template.phases.filter((p) => p.kind === 'monitoring').map((p) => p.title)).toEqual([
      'Phase 10.7: Post-Deployment Validation',
      'Phase 10.10: Post-Go-Live Support',
    ]);
  });

  it('keeps sub-tasks, sections and task ids, and repairs the emoji', () => {
    const backend = item(template, 'T1180 Deploy backend services to Blue environment');
    expect(backend.section).toBe('Application Deployment');
    expect(backend.children.map((c) => c.title)).toEqual([
      'T1180a Deploy AcquisitionService',
      'T1180b Deploy IndexingService',
      'T1180c Deploy RetrievalService',
      'T1180d Deploy API Gateway',
      'T1180e Deploy Event Bus services',
    ]);
    expect(item(template, 'T1189 [P] Smoke test: User authentication').section).toBe('Smoke Testing');
    expect(item(template, 'T1202 Validate query latency targets (P95 ≤2.0s)')).toBeTruthy();
    expect(item(template, 'T1269 Celebrate with team! 🎉')).toBeTruthy();
    expect(item(template, 'Team celebration completed! 🎊').doneBeforeStart).toBe(true);
  });

  it('names no roles, so with suggestions off every item goes to the IC', () => {
    const plain = importOk(markdown, { suggestRoles: false }).template;
    expect(plain.roles.map((r) => r.key)).toEqual(['ic']);
    expect(new Set(allItems(plain).map((i) => [i.roleKey, i.roleSource].join(' ')))).toEqual(new Set(['ic default']));
  });

  it('suggests the standard roles for its items instead (see role-suggestions.test.ts)', () => {
    expect(template.roles.map((r) => r.key)).toEqual(['ic', 'tech-lead', 'dba', 'devops', 'qa', 'monitoring', 'comms']);
  });

  it('reads the rollback triggers, with sustain windows, into levels 2 and 3', () => {
    expect(template.decisionTree).toEqual([
      {
        level: 2,
        title: 'Planned Rollback',
        action: '',
        conditions: [
          {
            series: 'error_rate',
            comparison: '>',
            value: 2,
            unit: '%',
            sustainSec: 1800,
            text: '>2% error rate sustained for >30 minutes',
          },
        ],
        symptoms: [
          'Performance degradation >50% for >30 minutes',
          'Critical functionality broken',
          'Stakeholder decision',
        ],
      },
      {
        level: 3,
        title: 'Immediate Rollback',
        action: '',
        conditions: [
          {
            series: 'error_rate',
            comparison: '>',
            value: 5,
            unit: '%',
            sustainSec: 600,
            text: '>5% error rate sustained for >10 minutes',
          },
        ],
        symptoms: ['Critical security vulnerability discovered', 'Data corruption detected', 'Complete service outage'],
      },
    ]);
    expect(warnings).toEqual([{ line: 330, message: expect.stringContaining('Performance degradation') }]);
  });
});
