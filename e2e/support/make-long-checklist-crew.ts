// Run with tsx by e2e/keyboard-shortcuts.spec.ts: a war room of its own whose DBA checklist is long
// enough (400 steps) to be virtualised, so the keyboard is tested where most rows are not in the DOM.
import type { TemplateDefinitionInput } from '../../lib/domain/template-definition';
import { getPrisma } from '../../lib/server/db';
import { makeDeployment, makeUser } from '../../lib/server/seed/factories';

const STEPS = 400;

const definition: TemplateDefinitionInput = {
  name: 'Ledger re-index',
  roles: [
    { key: 'ic', name: 'Incident Commander', isIc: true },
    { key: 'dba', name: 'Database Admin' },
  ],
  phases: [
    {
      title: 'Re-index',
      plannedStartMin: 0,
      plannedDurationMin: 60,
      items: Array.from({ length: STEPS }, (_, i) => ({
        roleKey: 'dba',
        title: `Re-index shard ${String(i + 1).padStart(3, '0')}`,
        children: [],
      })),
    },
  ],
};

async function main() {
  const password = 'e2e-password-123';
  const [ic, dba] = await Promise.all(['Iris IC', 'Dana DBA'].map((name) => makeUser({ name, password })));
  const deployment = await makeDeployment({ definition, people: { ic: [ic.id], dba: [dba.id] } });
  const people = Object.fromEntries(
    Object.entries({ ic, dba }).map(([k, u]) => [k, { id: u.id, email: u.email, name: u.name, password }]),
  );
  process.stdout.write(JSON.stringify({ deploymentId: deployment.id, people, steps: STEPS }));
  await getPrisma().$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
