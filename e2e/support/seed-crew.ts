// Run with tsx by the e2e fixtures: creates a war room of its own for one test and prints it as
// JSON. (Seed functions double as test factories.)
import { getPrisma } from '../../lib/server/db';
import { itemsOf, makeDeployment, makeUser } from '../../lib/server/seed/factories';

async function main() {
  const password = 'e2e-password-123';
  const [ic, dba, qa, techLead, devops, stakeholder] = await Promise.all(
    ['Iris IC', 'Dana DBA', 'Quinn QA', 'Tomás Tech', 'Dev Ops', 'Stella Stakeholder'].map((name) =>
      makeUser({ name, password }),
    ),
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
  const people = Object.fromEntries(
    Object.entries({ ic, dba, qa, techLead, devops, stakeholder }).map(([k, u]) => [
      k,
      { id: u.id, email: u.email, name: u.name, password },
    ]),
  );
  process.stdout.write(JSON.stringify({ deploymentId: deployment.id, name: deployment.name, people, items }));
  await getPrisma().$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
