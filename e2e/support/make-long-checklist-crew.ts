// For e2e/keyboard-shortcuts.spec.ts: a war room of its own whose DBA checklist is long enough
// (400 steps) to be virtualised, so the keyboard is tested where most rows are not in the DOM.
import type { TemplateDefinitionInput } from '../../lib/domain/template-definition';
import { makeDeployment } from '../../lib/server/seed/factories';
import { makePerson } from './make-user';

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

export async function makeLongChecklistCrew() {
  const [ic, dba] = await Promise.all(['Iris IC', 'Dana DBA'].map((name) => makePerson(name)));
  const deployment = await makeDeployment({ definition, people: { ic: [ic.id], dba: [dba.id] } });
  return { deploymentId: deployment.id, people: { ic, dba }, steps: STEPS };
}
