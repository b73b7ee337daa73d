import { describe, expect, it } from 'vitest';
import { allItems, importOk, item } from './test-support';

const TEAM = `| Role | Name | Slack |
|---|---|---|
| Incident Commander | Ana | @ic |
| Database Admin | DBA-001 | @dba |
| DevOps Engineer | Dev | @devops |
| Communications | Cam | @comms |
`;

describe('item owners', () => {
  it('takes an explicit @role mention and strips it from the title', () => {
    const { template } = importOk(
      `# R\n\n${TEAM}\n## Deploy\n\n- [ ] Run migrations @dba\n- [ ] @devops Restart pods\n- [ ] Ask @comms to post the notice\n`,
    );
    expect(allItems(template).map((i) => [i.title, i.roleKey])).toEqual([
      ['Run migrations', 'database-admin'],
      ['Restart pods', 'devops-engineer'],
      ['Ask to post the notice', 'communications'],
    ]);
  });

  it('creates the role an unknown trailing mention names, and leaves e-mail addresses alone', () => {
    const { template } = importOk('# R\n\n- [ ] Page the vendor @vendor-support\n- [ ] Mail ops@co.com\n');
    expect(template.roles.map((r) => r.key)).toEqual(['ic', 'vendor-support']);
    expect(item(template, 'Page the vendor').roleKey).toBe('vendor-support');
    expect(item(template, 'Mail ops@co.com').roleKey).toBe('ic');
  });

  it('gives items under a "**Role**:" responsibility label to that role', () => {
    const { template } = importOk(
      `# R\n\n${TEAM}\n## Pre-Launch Responsibilities\n\n**Database Admin**:\n- [ ] Backups verified\n\n**DevOps Engineer**:\n- [ ] Containers built\n\n**Final Checks**:\n- [ ] Nothing forgotten\n`,
    );
    expect(item(template, 'Backups verified').roleKey).toBe('database-admin');
    expect(item(template, 'Containers built').roleKey).toBe('devops-engineer');
    // "Final Checks" is a topic, not a role: the item falls back to the IC.
    expect(item(template, 'Nothing forgotten').roleKey).toBe('ic');
    expect(template.roles).toHaveLength(4);
  });

  it('gives tasks under a bold role bullet to that role', () => {
    const { template } = importOk(
      '# R\n\n- **SRE Lead**\n  - [ ] Scale the cluster\n  - [ ] Warm the caches\n- [ ] Announce\n',
    );
    expect(allItems(template).map((i) => i.roleKey)).toEqual(['sre-lead', 'sre-lead', 'ic']);
  });

  it('uses the role a heading names: "(DBA)", "Owner: …", or a section named after a role', () => {
    const { template } = importOk(
      `# R\n\n${TEAM}\n## Phase 2: Database Migration (DBA)\n\n- [ ] Apply schema\n\n### Verification\n\nOwner: DevOps Engineer\n\n- [ ] Check replicas\n\n### Communications\n\n- [ ] Tell customers\n\n## Phase 3: Smoke Tests (QA)\n\n- [ ] Run suite\n`,
    );
    expect(item(template, 'Apply schema').roleKey).toBe('database-admin');
    expect(item(template, 'Check replicas').roleKey).toBe('devops-engineer');
    expect(item(template, 'Tell customers').roleKey).toBe('communications');
    expect(item(template, 'Run suite').roleKey).toBe('qa');
    expect(template.phases[0].title).toBe('Phase 2: Database Migration (DBA)');
  });

  it('lets sub-items inherit the owner named on their parent', () => {
    const { template } = importOk('# R\n\n- [ ] Migrate @dba\n  - [ ] Schema\n  - [ ] Data @ic\n');
    expect(allItems(template).map((i) => i.roleKey)).toEqual(['dba', 'dba', 'ic']);
  });

  it('reads a role named at the start of an item when nothing else names one', () => {
    const { template } = importOk(
      `# R\n\n${TEAM}\n- [ ] Incident Commander opens war room\n- [ ] Communications team ready\n- [ ] Database credentials rotated\n`,
    );
    expect(allItems(template).map((i) => [i.roleKey, i.roleSource])).toEqual([
      ['ic', 'runbook'],
      ['communications', 'runbook'],
      // Not named: "Database" only suggests the runbook's own database role.
      ['database-admin', 'suggested'],
    ]);
  });

  it('always has the IC role, and every item ends with exactly one known role', () => {
    const { template } = importOk(`# R\n\n- [ ] A\n- [ ] B @qa\n  - [ ] C\n`);
    expect(template.roles[0]).toEqual({
      key: 'ic',
      name: 'Incident Commander',
      isIc: true,
      contact: null,
      aliases: [],
    });
    const keys = new Set(template.roles.map((r) => r.key));
    for (const i of allItems(template)) expect(keys.has(i.roleKey)).toBe(true);
  });
});
