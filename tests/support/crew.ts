import { prisma } from '@/lib/server/db';
import { itemsOf, makeDeployment, makeToken, makeUser } from '@/lib/server/seed/factories';

/**
 * A war room of its own for one test: an IC, a DBA, a QA lead who also holds DevOps, a
 * stakeholder and an outsider, each with an API token.
 */
export async function makeCrew() {
  const [ic, dba, qa, stakeholder, outsider] = await Promise.all([
    makeUser({ name: 'Iris IC' }),
    makeUser({ name: 'Dana DBA' }),
    makeUser({ name: 'Quinn QA' }),
    makeUser({ name: 'Stella Stakeholder' }),
    makeUser({ name: 'Otto Outsider' }),
  ]);
  const deployment = await makeDeployment({
    people: { ic: [ic.id], dba: [dba.id], qa: [qa.id], devops: [qa.id], stakeholder: [stakeholder.id] },
  });
  const [icToken, dbaToken, qaToken, stakeholderToken, outsiderToken] = await Promise.all(
    [ic, dba, qa, stakeholder, outsider].map((u) => makeToken(u.id)),
  );
  const items = await itemsOf(deployment.id);
  const itemOf = (roleKey: string) => {
    const item = items.find((i) => i.role.key === roleKey);
    if (!item) throw new Error(`no item for ${roleKey}`);
    return item;
  };
  return {
    deployment,
    people: { ic, dba, qa, stakeholder, outsider },
    tokens: { ic: icToken, dba: dbaToken, qa: qaToken, stakeholder: stakeholderToken, outsider: outsiderToken },
    items,
    itemOf,
  };
}

export async function eventCount(deploymentId: string) {
  return prisma.event.count({ where: { deploymentId } });
}

export async function itemRow(id: string) {
  return prisma.checklistItem.findUniqueOrThrow({ where: { id } });
}
