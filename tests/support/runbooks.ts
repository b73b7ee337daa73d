/** Runbooks the tests and e2e specs share (Markdown, as a team would write it). */

/** Two phases, two roles: the smallest runbook that has a go-live's shape. */
export const CHECKOUT_RUNBOOK = `# Checkout go-live

## Phase 1: Preparation (T-30, 30 min)

- [ ] Back up the database (DBA)
- [ ] Freeze merges (IC)

## Phase 2: Deploy (T0, 20 min)

- [ ] Run migrations (DBA)
`;

/** Commands and an expected output, three roles. */
export const PAYMENTS_RUNBOOK = `# Payments go-live

## Phase 1: Preparation (T-30, 30 min)

- [ ] Back up the database (DBA)
  \`\`\`bash
  pg_dump payments > backup.sql
  \`\`\`
  Expected output: \`dump complete\`
- [ ] Freeze merges (IC)

## Phase 2: Deploy (T0, 20 min)

- [ ] Run migrations (DBA)
  \`\`\`bash
  npm run migrate
  \`\`\`
- [ ] Smoke test (QA)
`;
/** The runbook with its migration command fixed, as a team would after a go-live. */
export const PAYMENTS_RUNBOOK_FIXED = PAYMENTS_RUNBOOK.replace(
  'npm run migrate',
  'npm run migrate -- --lock-timeout=5s',
);
