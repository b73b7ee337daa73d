import { describe, expect, it } from 'vitest';
import { MAX_TABLE_ROWS } from './tables';
import { importOk } from './test-support';

describe('sign-off tables become gates', () => {
  const doc = `# Release

| Role | Name | Email |
|------|------|-------|
| Release Manager | Alice | alice@co.com |

## Cutover (08:00Z - 08:30Z)

- [ ] Switch traffic

### Go / No-Go

| Role | Name | Approval | Time |
|------|------|----------|------|
| Release Manager | Alice | ✅ APPROVED | 07:55Z |
| **QA Lead** | Bob | ⏳ STANDBY | 07:55Z |
| **GO-LIVE AUTHORIZED** | | ✅ YES | 08:00Z |
`;

  it('puts a gate on the phase the table sits in, naming every signing role', () => {
    const { template } = importOk(doc);
    expect(template.phases).toHaveLength(1);
    expect(template.phases[0].gates).toEqual([
      { title: 'Go / No-Go', kind: 'gate', offsetMin: null, requiredRoles: ['release-manager', 'qa-lead'] },
    ]);
  });

  it('skips the shouted summary row, and keeps who signs as an alias', () => {
    const { template } = importOk(doc);
    expect(template.roles.map((r) => r.key)).toEqual(['ic', 'release-manager', 'qa-lead']);
    expect(template.roles.find((r) => r.key === 'release-manager')).toMatchObject({
      contact: 'Alice, alice@co.com',
      aliases: ['Release Manager', 'Alice'],
    });
    expect(template.roles.find((r) => r.key === 'qa-lead')?.aliases).toContain('Bob');
  });

  it('makes a sign-off due "+12h" after go-live in the monitoring phase a checkpoint', () => {
    const { template } = importOk(`# R

## Post-Go-Live Monitoring

- [ ] Watch dashboards

### +12h Stability Review

| Role | Sign-off |
|---|---|
| SRE Lead | |
`);
    expect(template.phases[0].kind).toBe('monitoring');
    expect(template.phases[0].gates).toEqual([
      { title: '+12h Stability Review', kind: 'checkpoint', offsetMin: 720, requiredRoles: ['sre-lead'] },
    ]);
  });
});

describe('team tables become roles', () => {
  it('reads role, person and contact columns; placeholders are not contacts', () => {
    const { template } = importOk(`# R

| Role | Name | Phone | Slack | Responsibility |
|------|------|-------|-------|-----------------|
| Incident Commander | TBD | +1-XXX-XXXX | @ic | Overall coordination |
| Database Admin | DBA-001 | x5003 | @dba | Migrations |

- [ ] Go
`);
    expect(template.roles).toEqual([
      { key: 'ic', name: 'Incident Commander', isIc: true, contact: '@ic', aliases: ['Incident Commander'] },
      {
        key: 'database-admin',
        name: 'Database Admin',
        isIc: false,
        contact: 'DBA-001, x5003, @dba',
        aliases: ['Database Admin', 'DBA-001'],
      },
    ]);
  });

  it('merges a shorter name into the one fuller role it abbreviates', () => {
    const { template } = importOk(`# R

| Role | Name | Approval |
|---|---|---|
| Operations | Ops Manager | ✅ |
| QC | | ✅ |

| Role | Name | Email |
|---|---|---|
| Operations Manager | Ops-MGR | ops@co.com |
| QC Lead | QC-101 | qc@co.com |
| QC Analyst | QC-102 | qa@co.com |

- [ ] Go
`);
    const keys = template.roles.map((r) => r.key);
    expect(keys).toContain('operations-manager');
    expect(keys).not.toContain('operations');
    expect(template.roles.find((r) => r.key === 'operations-manager')?.aliases).toEqual([
      'Operations',
      'Ops Manager',
      'Operations Manager',
      'Ops-MGR',
    ]);
    // "QC" could be the QC Lead or the QC Analyst: ambiguous, so it stays its own role.
    expect(keys).toEqual(expect.arrayContaining(['qc', 'qc-lead', 'qc-analyst']));
  });

  it('uses the user mapping over any guess, keeping every raw name as an alias', () => {
    const mapping = { 'DBA-001': 'dba', 'Database Admin': 'dba', 'Incident Manager': 'ic' };
    const { template } = importOk(
      `# R

| Role | Name |
|---|---|
| Database Admin | DBA-001 |
| Incident Manager | Carol |

**Database Admin**:
- [ ] Run migrations
`,
      { roleMapping: mapping },
    );
    expect(template.roles.map((r) => r.key)).toEqual(['ic', 'dba']);
    expect(template.roles[1]).toMatchObject({ name: 'Database Admin', aliases: ['Database Admin', 'DBA-001'] });
    expect(template.roles[0].aliases).toEqual(['Incident Manager', 'Carol']);
    expect(template.phases[0].items[0].roleKey).toBe('dba');
  });

  it('moves a role when the user maps only the person who holds it', () => {
    const { template } = importOk(
      `# R\n\n| Role | Name |\n|---|---|\n| Database Admin | DBA-001 |\n\n**Database Admin**:\n- [ ] Run migrations\n`,
      {
        roleMapping: { 'DBA-001': 'dba' },
      },
    );
    expect(template.roles.map((r) => [r.key, r.name])).toEqual([
      ['ic', 'Incident Commander'],
      ['dba', 'Database Admin'],
    ]);
    expect(template.phases[0].items[0].roleKey).toBe('dba');
  });
});

describe('metric tables become rules', () => {
  it('reads target and a single alert column as the critical threshold', () => {
    const { template } = importOk(`# R

| Metric | Target | Alert If |
|--------|--------|----------|
| API latency (p95) | <100ms | >300ms |
| Error rate | <0.1% | >1% |
| Tag assignment success | >95% | <90% |
| Requests per second | 200 RPS | < 50 RPS |

- [ ] Go
`);
    expect(template.rules).toEqual([
      {
        series: 'p95_latency',
        name: 'API latency (p95)',
        comparison: '>',
        unit: 'ms',
        target: 100,
        warn: null,
        critical: 300,
        sustainSec: 0,
      },
      {
        series: 'error_rate',
        name: 'Error rate',
        comparison: '>',
        unit: '%',
        target: 0.1,
        warn: null,
        critical: 1,
        sustainSec: 0,
      },
      {
        series: 'tag_assignment_success',
        name: 'Tag assignment success',
        comparison: '<',
        unit: '%',
        target: 95,
        warn: null,
        critical: 90,
        sustainSec: 0,
      },
      {
        series: 'throughput',
        name: 'Requests per second',
        comparison: '<',
        unit: 'rps',
        target: 200,
        warn: null,
        critical: 50,
        sustainSec: 0,
      },
    ]);
  });

  it('reads warn and critical columns, converts units to one, and reads sustain windows', () => {
    const { template } = importOk(`# R

| Metric | Target | Warn threshold | Critical threshold |
|---|---|---|---|
| p99 latency | < 1 s | > 800 ms | > 2 s for 5 min |
| CPU usage | < 60% | > 75% | > 90% |
| Active DB connections | < 100 | > 150 | > 180 |

- [ ] Go
`);
    expect(template.rules).toEqual([
      {
        series: 'p99_latency',
        name: 'p99 latency',
        comparison: '>',
        unit: 'ms',
        target: 1000,
        warn: 800,
        critical: 2000,
        sustainSec: 300,
      },
      {
        series: 'cpu',
        name: 'CPU usage',
        comparison: '>',
        unit: '%',
        target: 60,
        warn: 75,
        critical: 90,
        sustainSec: 0,
      },
      {
        series: 'db_connections',
        name: 'Active DB connections',
        comparison: '>',
        unit: '',
        target: 100,
        warn: 150,
        critical: 180,
        sustainSec: 0,
      },
    ]);
  });

  it('warns about a row whose threshold cannot be read, with its line', () => {
    const result = importOk(`# R

| Metric | Target | Alert If |
|---|---|---|
| Error rate | <1% | when it looks bad |

- [ ] Go
`);
    expect(result.template.rules).toEqual([
      {
        series: 'error_rate',
        name: 'Error rate',
        comparison: '>',
        unit: '%',
        target: 1,
        warn: null,
        critical: null,
        sustainSec: 0,
      },
    ]);
    const missing = importOk(`# R

| Metric | Target | Alert If |
|---|---|---|
| Error rate | fine | when it looks bad |

- [ ] Go
`);
    expect(missing.template.rules).toEqual([]);
    expect(missing.warnings).toEqual([{ line: 5, message: expect.stringContaining('could not read a threshold') }]);
  });

  it(`reads at most ${MAX_TABLE_ROWS} rows of a huge table and says so`, () => {
    const rows = Array.from({ length: 600 }, (_, i) => `| metric ${i} | <${i}ms | >${i + 1}ms |`).join('\n');
    const result = importOk(`# R\n\n- [ ] Go\n\n| Metric | Target | Alert If |\n|---|---|---|\n${rows}\n`);
    expect(result.template.rules).toHaveLength(MAX_TABLE_ROWS);
    expect(result.warnings).toEqual([
      { line: 5, message: `This table has 600 rows; only the first ${MAX_TABLE_ROWS} were read.` },
    ]);
  }, 30_000);
});
