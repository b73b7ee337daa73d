// A war room of its own for one test, made with the seed factories (they double as test factories).
import { itemsOf, makeDeployment } from '../../lib/server/seed/factories';
import { makePerson, type Person } from './make-user';

export type SeededCrew = {
  deploymentId: string;
  name: string;
  people: Record<'ic' | 'dba' | 'qa' | 'techLead' | 'devops' | 'stakeholder', Person>;
  items: { id: string; title: string; roleKey: string; phaseId: string; version: number }[];
};

/** A war room of its own for one test. */
export async function seedCrew(): Promise<SeededCrew> {
  const [ic, dba, qa, techLead, devops, stakeholder] = await Promise.all(
    ['Iris IC', 'Dana DBA', 'Quinn QA', 'Tomás Tech', 'Dev Ops', 'Stella Stakeholder'].map((name) => makePerson(name)),
  );
  const deployment = await makeDeployment({
    people: {
      ic: [ic.id],
      dba: [dba.id],
      qa: [qa.id],
      'tech-lead': [techLead.id],
      devops: [devops.id],
      stakeholder: [stakeholder.id],
    },
  });
  const items = (await itemsOf(deployment.id)).map((i) => ({
    id: i.id,
    title: i.title,
    roleKey: i.role.key,
    phaseId: i.phaseId,
    version: i.version,
  }));
  const people = { ic, dba, qa, techLead, devops, stakeholder };
  return { deploymentId: deployment.id, name: deployment.name, people, items };
}
