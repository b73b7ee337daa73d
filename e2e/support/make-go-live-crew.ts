// For e2e/ic-drives-go-live.spec.ts: a small go-live of its own — a gate that needs exactly the
// two signers the test drives (DBA and QA), and a rollback phase with a step for each.
import type { TemplateDefinitionInput } from '../../lib/domain/template-definition';
import { makeDeployment } from '../../lib/server/seed/factories';
import { makePerson } from './make-user';

const step = (roleKey: string, title: string) => ({ roleKey, title, children: [] });

const definition: TemplateDefinitionInput = {
  name: 'Orders API cutover',
  roles: [
    { key: 'ic', name: 'Incident Commander', isIc: true },
    { key: 'dba', name: 'Database Admin' },
    { key: 'qa', name: 'QA Lead' },
    { key: 'stakeholder', name: 'Stakeholder' },
  ],
  phases: [
    {
      title: 'Pre-flight',
      plannedStartMin: -30,
      plannedDurationMin: 20,
      items: [
        step('ic', 'Open the bridge'),
        step('dba', 'Take the database backup'),
        step('qa', 'Smoke suite green on staging'),
      ],
      gates: [{ title: 'Go / No-Go', requiredRoles: ['dba', 'qa'] }],
    },
    {
      title: 'Cutover',
      plannedStartMin: 0,
      plannedDurationMin: 15,
      items: [step('dba', 'Run the migration'), step('qa', 'Smoke suite green in production')],
    },
    {
      title: 'Rollback',
      kind: 'rollback',
      items: [step('dba', 'Revert the migration'), step('qa', 'Smoke suite green on the old version')],
    },
  ],
};

export async function makeGoLiveCrew() {
  const [ic, dba, qa, stakeholder] = await Promise.all(
    ['Iris IC', 'Dana DBA', 'Quinn QA', 'Stella Stakeholder'].map((name) => makePerson(name)),
  );
  const deployment = await makeDeployment({
    definition,
    goLiveAt: new Date(Date.now() + 30 * 60_000),
    people: { ic: [ic.id], dba: [dba.id], qa: [qa.id], stakeholder: [stakeholder.id] },
  });
  return { deploymentId: deployment.id, name: deployment.name, people: { ic, dba, qa, stakeholder } };
}
