import type { TemplateDefinitionInput, TemplateItem } from '@/lib/domain/template-definition';

const item = (
  roleKey: string,
  title: string,
  extra: { command?: string; expectedOutput?: string; section?: string; children?: TemplateItem[] } = {},
): TemplateItem => ({
  roleKey,
  title,
  command: extra.command ?? null,
  expectedOutput: extra.expectedOutput ?? null,
  section: extra.section ?? null,
  children: extra.children ?? [],
});

/** The demo war room: a canary go-live of a payments API, the shape of the runbooks teams bring. */
export const DEMO_TEMPLATE: TemplateDefinitionInput = {
  name: 'Payments API canary go-live',
  description: 'Canary release with a database migration, staged traffic shift and 24 h hypercare.',
  roles: [
    { key: 'ic', name: 'Incident Commander', isIc: true },
    { key: 'tech-lead', name: 'Tech Lead' },
    { key: 'dba', name: 'Database Admin' },
    { key: 'devops', name: 'DevOps' },
    { key: 'monitoring', name: 'Monitoring Lead' },
    { key: 'qa', name: 'QA Lead' },
    { key: 'comms', name: 'Comms' },
    { key: 'stakeholder', name: 'Stakeholder' },
  ],
  phases: [
    {
      title: 'Pre-flight checks',
      plannedStartMin: -60,
      plannedDurationMin: 30,
      items: [
        item('ic', 'Open the war room bridge and confirm every role is present'),
        item('tech-lead', 'Confirm release v2.4.0 artifacts are signed', {
          command: 'cosign verify ghcr.io/acme/payments-api:2.4.0',
          expectedOutput: 'Verification for ghcr.io/acme/payments-api:2.4.0 -- OK',
        }),
        item('dba', 'Take a verified backup of the payments database', {
          section: 'Database',
          command:
            'pg_dump -Fc payments > /backups/payments-pre-2.4.0.dump && pg_restore -l /backups/payments-pre-2.4.0.dump | wc -l',
          expectedOutput: 'A non-zero table-of-contents count',
          children: [item('dba', 'Record the backup size and checksum in the ticket', { section: 'Database' })],
        }),
        item('dba', 'Check replication lag is under 1 s', {
          section: 'Database',
          command: 'psql -c "select now() - pg_last_xact_replay_timestamp() as lag"',
          expectedOutput: 'lag < 00:00:01',
        }),
        item('devops', 'Scale the canary node pool to 3 nodes', {
          command: 'kubectl scale deploy/payments-canary --replicas=3',
          expectedOutput: 'deployment.apps/payments-canary scaled',
        }),
        item('monitoring', 'Confirm dashboards and alert routes are live'),
        item('qa', 'Smoke suite green on staging', {
          command: 'npm run smoke -- --env=staging',
          expectedOutput: '42 passed',
        }),
        item('comms', 'Post the start notice to #payments-status'),
      ],
      gates: [{ title: 'Go / No-Go', requiredRoles: ['tech-lead', 'dba', 'devops', 'qa'] }],
    },
    {
      title: 'Database migration',
      plannedStartMin: -30,
      plannedDurationMin: 25,
      items: [
        item('dba', 'Run migration 0042_add_settlement_index', {
          command: 'npm run migrate -- --to 0042',
          expectedOutput: 'Applied 1 migration in < 60 s',
        }),
        item('dba', 'Verify the index is valid', {
          command: 'psql -c "select indisvalid from pg_index where indexrelid = \'settlement_idx\'::regclass"',
          expectedOutput: 't',
        }),
        item('tech-lead', 'Confirm the app still reads and writes with the old version'),
      ],
    },
    {
      title: 'Canary 10 %',
      plannedStartMin: 0,
      plannedDurationMin: 30,
      items: [
        item('devops', 'Shift 10 % of traffic to v2.4.0', {
          command: 'kubectl argo rollouts set weight payments 10',
          expectedOutput: 'weight: 10',
        }),
        item('monitoring', 'Watch error rate and p95 latency for 15 minutes'),
        item('qa', 'Run the production smoke suite against the canary', {
          command: 'npm run smoke -- --env=prod --target=canary',
          expectedOutput: '42 passed',
        }),
        item('comms', 'Post "Canary at 10 %, all metrics green"'),
      ],
      gates: [{ title: 'Canary sign-off', requiredRoles: ['monitoring', 'qa', 'tech-lead'] }],
    },
    {
      title: 'Full rollout',
      plannedStartMin: 30,
      plannedDurationMin: 30,
      items: [
        item('devops', 'Promote v2.4.0 to 100 %', { command: 'kubectl argo rollouts promote payments --full' }),
        item('monitoring', 'Confirm error rate < 0.5 % at full traffic'),
        item('tech-lead', 'Close the change ticket with the release notes'),
        item('comms', 'Announce the release to customers'),
      ],
    },
    {
      title: 'Post-go-live monitoring',
      kind: 'monitoring',
      plannedStartMin: 60,
      plannedDurationMin: 1440,
      items: [
        item('monitoring', 'Review the +12 h error budget'),
        item('tech-lead', 'Triage any new errors in Sentry'),
      ],
      gates: [
        { title: '+12 h checkpoint', kind: 'checkpoint', offsetMin: 720, requiredRoles: ['monitoring', 'tech-lead'] },
        { title: '+24 h checkpoint', kind: 'checkpoint', offsetMin: 1440, requiredRoles: ['monitoring', 'tech-lead'] },
      ],
    },
    {
      title: 'Rollback',
      kind: 'rollback',
      items: [
        item('devops', 'Shift 100 % of traffic back to v2.3.9', {
          command: 'kubectl argo rollouts abort payments',
          expectedOutput: 'rollout aborted',
        }),
        item('dba', 'Revert migration 0042', { command: 'npm run migrate -- --to 0041' }),
        item('qa', 'Smoke suite green on v2.3.9'),
        item('comms', 'Tell customers the release was rolled back'),
      ],
    },
  ],
  rules: [
    {
      series: 'error_rate',
      name: 'Error rate',
      comparison: '>',
      unit: '%',
      target: 0.5,
      warn: 3,
      critical: 10,
      sustainSec: 30,
    },
    {
      series: 'p95_latency',
      name: 'p95 latency',
      comparison: '>',
      unit: 'ms',
      target: 300,
      warn: 500,
      critical: 1000,
      sustainSec: 60,
    },
    {
      series: 'p99_latency',
      name: 'p99 latency',
      comparison: '>',
      unit: 'ms',
      target: 800,
      warn: 1500,
      critical: 2000,
      sustainSec: 60,
    },
    { series: 'cpu', name: 'CPU', comparison: '>', unit: '%', target: 60, warn: 80, critical: 95, sustainSec: 120 },
  ],
  decisionTree: [
    { level: 1, title: 'Minor issues', action: 'Keep going', conditions: [] },
    {
      level: 2,
      title: 'Major issues',
      action: 'Prepare rollback',
      conditions: [
        { series: 'error_rate', comparison: '>', value: 3, unit: '%', sustainSec: 30, text: 'Error rate > 3 %' },
      ],
    },
    {
      level: 3,
      title: 'Critical',
      action: 'Roll back now',
      conditions: [
        { series: 'error_rate', comparison: '>', value: 10, unit: '%', sustainSec: 30, text: 'Error rate > 10 %' },
      ],
    },
  ],
};

export const DEMO_PASSWORD = 'warroom-demo';

/** One account per war-room role of the demo, plus an admin. */
export const DEMO_PEOPLE = [
  { email: 'ic@warroom.local', name: 'Iris Chen', roleKeys: ['ic'] },
  { email: 'tech@warroom.local', name: 'Tomás Lead', roleKeys: ['tech-lead'] },
  { email: 'dba@warroom.local', name: 'Dana Berg', roleKeys: ['dba'] },
  { email: 'devops@warroom.local', name: 'Dev Patel', roleKeys: ['devops'] },
  { email: 'monitoring@warroom.local', name: 'Mona Ito', roleKeys: ['monitoring'] },
  { email: 'qa@warroom.local', name: 'Quinn Adams', roleKeys: ['qa'] },
  { email: 'comms@warroom.local', name: 'Cora Miles', roleKeys: ['comms'] },
  { email: 'stakeholder@warroom.local', name: 'Stella Holder', roleKeys: ['stakeholder'] },
] as const;

export const DEMO_ADMIN = { email: 'admin@warroom.local', name: 'Ada Admin' };
