import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from './event-log';
import { outcomeOf, renderReport, reportFileName, type ReportSnapshot } from './report';
import { cell, stamp } from './report-table';

const T0 = '2026-01-15T08:00:00.000Z';
const at = (min: number, sec = 0) => new Date(Date.parse(T0) + min * 60_000 + sec * 1000).toISOString();

const item = (over: Partial<ReportSnapshot['phases'][number]['items'][number]>) => ({
  title: 'Step',
  roleKey: 'dba',
  section: null,
  status: 'pending' as const,
  note: null,
  updatedBy: null,
  updatedAt: at(-120),
  doneBeforeStart: false,
  children: [],
  ...over,
});

function snapshot(over: Partial<ReportSnapshot> = {}): ReportSnapshot {
  return {
    name: 'Checkout v2',
    version: '2.4.0',
    environment: 'production',
    strategy: 'blue-green',
    goLiveAt: T0,
    state: 'completed',
    stateReason: null,
    startedAt: at(-31),
    finishedAt: at(95),
    health: { level: 1 },
    roles: [
      { key: 'ic', name: 'Incident Commander', holders: [{ name: 'Iris IC' }] },
      { key: 'dba', name: 'Database Admin', holders: [{ name: 'Dana DBA' }] },
      { key: 'qa', name: 'QA Lead', holders: [] },
    ],
    phases: [
      {
        id: 'p1',
        title: 'Pre-flight checks',
        kind: 'normal',
        status: 'completed',
        plannedStartMin: -30,
        plannedDurationMin: 25,
        startedAt: at(-31),
        completedAt: at(2),
        items: [
          item({
            title: 'Take a verified backup',
            status: 'done',
            updatedBy: 'Dana DBA',
            updatedAt: at(-20, 5),
            section: 'Database',
            children: [
              item({
                title: 'Record the checksum',
                status: 'skipped',
                note: 'checksum | in ticket\nCHG-1',
                updatedBy: 'Dana DBA',
                updatedAt: at(-19),
              }),
            ],
          }),
          item({ title: 'Backups were rotated', status: 'done', doneBeforeStart: true }),
        ],
      },
      {
        id: 'p2',
        title: 'Rollback',
        kind: 'rollback',
        status: 'pending',
        plannedStartMin: null,
        plannedDurationMin: null,
        startedAt: null,
        completedAt: null,
        items: [],
      },
    ],
    gates: [
      {
        phaseId: 'p1',
        title: 'Go / No-Go',
        kind: 'gate',
        requiredRoles: ['dba', 'qa'],
        status: 'overridden',
        overrideReason: 'QA lead unreachable',
        overriddenBy: 'Iris IC',
        openedAt: at(1),
        signoffs: [
          {
            roleKey: 'dba',
            user: 'Dana DBA',
            decision: 'approve',
            at: at(0, 30),
            comment: 'replica lag 0.2 s',
            identity: { method: 'password', at: at(-2), ip: '10.0.0.7', userAgent: 'Firefox/140' },
          },
        ],
      },
    ],
    ...over,
  };
}

const event = (
  seq: number,
  type: TimelineEvent['type'],
  data: Record<string, unknown>,
  actor: string | null = 'Iris IC',
  when = at(seq),
): TimelineEvent => ({
  seq,
  type,
  at: when,
  deploymentId: 'd1',
  actorId: actor ? 'u1' : null,
  actor,
  role: actor ? 'ic' : null,
  data,
});

describe('renderReport', () => {
  const events: TimelineEvent[] = [
    event(
      5,
      'health.level_changed',
      { level: 2, previousLevel: 1, title: 'Major issues', reasons: ['error_rate 4.2 % > 3 %'] },
      null,
    ),
    event(2, 'deployment.transitioned', { from: 'planned', to: 'preflight', reason: null }),
    event(3, 'item.updated', { title: 'Take a verified backup', status: 'done' }, 'Dana DBA'),
    event(4, 'gate.overridden', { gateTitle: 'Go / No-Go', reason: 'QA lead unreachable' }),
    event(6, 'rollback.declared', { level: 'major', reason: 'error rate climbing' }),
  ];
  const md = renderReport(snapshot(), events, new Date(at(100)));

  it('starts with a header: name, version, go-live time and the outcome', () => {
    expect(md.startsWith('# Go-live report: Checkout v2\n')).toBe(true);
    expect(md).toContain('| Version | 2.4.0 |');
    expect(md).toContain('| Go-live (T0) | 2026-01-15 08:00:00Z |');
    expect(md).toContain('| Outcome | Completed ✅ |');
    expect(md).toContain('| Checklist | 3/3 finished (2 done, 1 skipped, 0 blocked, 0 in progress, 0 pending) |');
  });

  it('compares each phase with its plan', () => {
    expect(md).toContain(
      '| 1 | Pre-flight checks | T-30m (2026-01-15 07:30:00Z) | 25 min | 2026-01-15 07:29:00Z | 2026-01-15 08:02:00Z | 33 min | +8 min | completed |',
    );
    expect(md).toContain('| 2 | Rollback (rollback) | — | — | — | — | — | — | pending |');
  });

  it('lists every item with its state, who, when and note, children marked and cells escaped', () => {
    expect(md).toContain(
      '| Take a verified backup | Database | Database Admin | Done | Dana DBA | 2026-01-15 07:40:05Z | — |',
    );
    expect(md).toContain(
      '| ↳ Record the checksum | — | Database Admin | Skipped | Dana DBA | 2026-01-15 07:41:00Z | checksum \\| in ticket CHG-1 |',
    );
    // Done in the runbook before the go-live began: nobody ticked it in the war room.
    expect(md).toContain('| Backups were rotated | — | Database Admin | Done (before start) | — | — | — |');
    expect(md).toContain('_No checklist items in this phase._');
  });

  it('writes the sign-off table, including required roles that never signed', () => {
    expect(md).toContain('Status: **overridden by Iris IC — QA lead unreachable** at 2026-01-15 08:01:00Z');
    expect(md).toContain(
      '| Database Admin | Dana DBA | GO (approve) | 2026-01-15 08:00:30Z | replica lag 0.2 s | password at 07:58Z from 10.0.0.7 (Firefox/140) |',
    );
    expect(md).toContain('| QA Lead | — | not signed | — | — |');
  });

  it('lists decisions and threshold crossings from the timeline, in sequence order, without item ticks', () => {
    const decisions = md.slice(md.indexOf('## Decisions'), md.indexOf('## Threshold crossings'));
    expect(decisions).toContain('moved the deployment to preflight');
    expect(decisions).toContain('overrode gate “Go / No-Go” — QA lead unreachable');
    expect(decisions).toContain('declared a major rollback — error rate climbing');
    expect(decisions).not.toContain('marked');
    expect(decisions.indexOf('preflight')).toBeLessThan(decisions.indexOf('overrode'));
    const crossings = md.slice(md.indexOf('## Threshold crossings'));
    expect(crossings).toContain(
      '| 2026-01-15 08:05:00Z | T+5m | system | Level 1 → 2 (Major issues): error_rate 4.2 % > 3 % |',
    );
  });

  it('says so when there is nothing to report', () => {
    const empty = renderReport(
      snapshot({ gates: [], state: 'planned', startedAt: null, finishedAt: null }),
      [],
      new Date(at(-60)),
    );
    expect(empty).toContain('| Outcome | Not started yet (planned) |');
    expect(empty).toContain('_This runbook has no gates._');
    expect(empty).toContain('_No decisions recorded yet._');
    expect(empty).toContain('_Health never left its starting level._');
  });

  it('reports a running phase as taking time "so far"', () => {
    const live = snapshot({ state: 'in_progress' });
    live.phases[0] = { ...live.phases[0], completedAt: null, status: 'active' };
    const out = renderReport(live, [], new Date(at(10)));
    expect(out).toContain('| Outcome | Live — in progress |');
    expect(out).toMatch(/\| 41 min so far \| \+16 min \| active \|/);
  });

  it('ends with the audit chain head it was made at, for a copy outside the database', () => {
    const hash = 'ab'.repeat(32);
    const out = renderReport(snapshot(), events, new Date(at(100)), { seq: 6, hash });
    expect(out.slice(out.indexOf('## Audit chain'))).toBe(
      `## Audit chain\n\nChain head: event #6, \`${hash}\` (HMAC-SHA-256). \`npm run audit:verify\` recomputes it from the log; paste this line into **Verify the record** on the timeline to check that the record still passes through it.\n`,
    );
    expect(renderReport(snapshot(), events, new Date(at(100)))).not.toContain('## Audit chain');
  });
});

describe('report helpers', () => {
  it('escapes cells and formats stamps', () => {
    expect(cell('a|b\nc')).toBe('a\\|b c');
    expect(cell(null)).toBe('—');
    expect(cell(0)).toBe('0');
    expect(stamp('2026-01-15T08:00:09.500Z')).toBe('2026-01-15 08:00:09Z');
    expect(stamp('nonsense')).toBeNull();
  });

  it('names the outcome with the reason for endings', () => {
    expect(outcomeOf({ state: 'rolled_back', stateReason: 'error rate 12 %' })).toBe(
      'Rolled back ↩️ (error rate 12 %)',
    );
    expect(outcomeOf({ state: 'on_hold', stateReason: null })).toBe('Live — on hold');
  });

  it('makes a safe file name', () => {
    expect(reportFileName({ name: 'Checkout / v2!', version: '2.4.0', goLiveAt: T0 })).toBe(
      'go-live-report-checkout-v2-2-4-0-2026-01-15.md',
    );
  });
});

describe('renderReport: evidence', () => {
  it('lists every step’s evidence with its result, and how many done steps are proven', () => {
    const evidence = (match: 'match' | 'mismatch', reason: string, min: number) => ({
      match,
      reason,
      source: 'manual',
      url: min === 3 ? 'https://ci.example.com/runs/7' : null,
      by: 'Dana DBA',
      at: at(min),
      redacted: min === 3 ? 1 : 0,
      redactedKinds: min === 3 ? ['password'] : [],
    });
    const s = snapshot();
    s.phases[0].items = [
      item({
        title: 'Check replication lag',
        status: 'done',
        evidence: [evidence('mismatch', 'lag is 00:00:04: not < 00:00:01', 3), evidence('match', 'ok', 1)],
        evidenceCount: 2,
      }),
      item({ title: 'Scale the pool', status: 'done' }),
    ];
    const md = renderReport(s, [], new Date(at(100)));
    expect(md).toContain('## Evidence');
    expect(md).toContain('0 of 2 done steps proven by matching evidence; 1 ticked with evidence that did not match.');
    s.phases[0].items[0] = { ...s.phases[0].items[0], updatedBy: 'Dana DBA' };
    expect(renderReport(s, [], new Date(at(100)))).toContain(
      '1 ticked with evidence that did not match, accepted by Dana DBA.',
    );
    expect(md).toContain(
      '| Check replication lag | Database Admin | Mismatch | lag is 00:00:04: not < 00:00:01 | person | Dana DBA | 2026-01-15 08:03:00Z | https://ci.example.com/runs/7 · 1 secret redacted: password or secret. |',
    );
    expect(md).toContain('| ↳ | Database Admin | Matches | ok | person |');
  });

  it('says which done steps a check proved and which a person did, and how every check stood', () => {
    const proof = (source: string, min: number) => ({
      match: 'match' as const,
      reason: source === 'check' ? 'Check passed: GET https://api.example.com/health → 200' : 'ok',
      source,
      url: null,
      by: source === 'check' ? 'check' : 'Dana DBA',
      at: at(min),
      redacted: 0,
      redactedKinds: [],
    });
    const check = (
      state: 'passing' | 'failing' | 'checking' | 'waiting',
      lastRun: { ok: boolean; output: string } | null,
    ) => ({
      description: 'GET https://api.example.com/health → 200',
      state,
      streak: state === 'checking' ? 1 : 0,
      passesNeeded: 3,
      autoTick: state !== 'waiting',
      lastRun: lastRun ? { at: at(4), ...lastRun } : null,
    });
    const s = snapshot();
    s.phases[0].items = [
      item({
        title: 'API answers',
        status: 'done',
        evidence: [proof('check', 4)],
        check: check('passing', { ok: true, output: 'GET https://api.example.com/health → 200\n{"status":"ok"}' }),
      }),
      item({ title: 'Scale the pool', status: 'done', evidence: [proof('manual', 2)] }),
      item({ title: 'Canary holds', status: 'pending', check: check('checking', { ok: true, output: 'ok' }) }),
      item({
        title: 'Workers drained',
        status: 'pending',
        check: check('failing', { ok: false, output: 'GET … → 503, expected 200' }),
      }),
      item({ title: 'Cache warm', status: 'pending', check: check('waiting', null) }),
    ];
    const md = renderReport(s, [], new Date(at(100)));
    expect(md).toContain('2 of 2 done steps proven by matching evidence (1 by a check, 1 by a person); 0 ticked');
    expect(md).toContain(
      '| API answers | Database Admin | Matches | Check passed: GET https://api.example.com/health → 200 | check | check |',
    );
    expect(md).toContain('### Checks');
    expect(md).toContain('4 steps had a check: 1 passing, 1 failing, 1 checking, 1 waiting.');
    expect(md).toContain(
      '| API answers | Database Admin | GET https://api.example.com/health → 200 | Passing | passed 2026-01-15 08:04:00Z | GET https://api.example.com/health → 200 |',
    );
    expect(md).toContain('| Canary holds | Database Admin | GET https://api.example.com/health → 200 | Checking 1/3 |');
    expect(md).toContain('| Failing | failed 2026-01-15 08:04:00Z | GET … → 503, expected 200 |');
    expect(md).toContain(
      '| Cache warm | Database Admin | GET https://api.example.com/health → 200 (no autotick) | Waiting | never ran | — |',
    );
  });

  it('says so when no evidence was attached', () => {
    const md = renderReport(snapshot(), [], new Date(at(100)));
    expect(md).toContain('_No evidence was attached._');
    expect(md).toContain('_No step had a check._');
  });
});
