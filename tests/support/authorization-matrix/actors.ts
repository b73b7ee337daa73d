import { prisma } from '@/lib/server/db';
import { makeDeployment, makeTemplate, makeToken, makeUser } from '@/lib/server/seed/factories';

/**
 * The callers the matrix tries every endpoint as, and the rooms it tries them in: people with
 * tokens of each kind, made once per suite, and a fresh room with them in their roles.
 */

export const ACTORS = [
  'ic',
  'dba',
  'qa',
  'comms',
  'stakeholder',
  'outsider',
  'anonymous',
  'metricsOnly',
  'otherDeployment',
  'admin',
  'icNoSign',
  'dbaNoSign',
] as const;
export type ActorKey = (typeof ACTORS)[number];

export type People = Awaited<ReturnType<typeof makePeople>>;

/** The same people (and tokens) for every crew: accounts are slow to make, rooms are not. */
export async function makePeople(adminToken: string) {
  const names = {
    ic: 'Mia IC',
    dba: 'Dev DBA',
    qa: 'Quin QA',
    comms: 'Cass Comms',
    stakeholder: 'Sam Stakeholder',
    outsider: 'Olga Outsider',
  };
  const users = Object.fromEntries(
    await Promise.all(Object.entries(names).map(async ([k, name]) => [k, await makeUser({ name })])),
  ) as Record<keyof typeof names, Awaited<ReturnType<typeof makeUser>>>;
  const elsewhere = await makeDeployment({ people: { ic: [users.ic.id] } });
  const tokens: Record<ActorKey, string | null> = {
    ic: await makeToken(users.ic.id),
    dba: await makeToken(users.dba.id),
    qa: await makeToken(users.qa.id),
    comms: await makeToken(users.comms.id),
    stakeholder: await makeToken(users.stakeholder.id),
    outsider: await makeToken(users.outsider.id),
    anonymous: null,
    metricsOnly: await makeToken(users.ic.id, ['metrics:push']),
    otherDeployment: await makeToken(users.ic.id, ['read', 'write'], elsewhere.id),
    admin: adminToken,
    icNoSign: await makeToken(users.ic.id, ['read', 'write']),
    dbaNoSign: await makeToken(users.dba.id, ['read', 'write']),
  };
  return { users, tokens, template: await makeTemplate() };
}

export type Room = Awaited<ReturnType<typeof makeRoom>>;

export async function makeRoom(people: People) {
  const u = people.users;
  const deployment = await makeDeployment({
    people: {
      ic: [u.ic.id],
      dba: [u.dba.id],
      qa: [u.qa.id],
      devops: [u.qa.id],
      comms: [u.comms.id],
      stakeholder: [u.stakeholder.id],
    },
  });
  const id = deployment.id;
  const phases = await prisma.phase.findMany({ where: { deploymentId: id }, orderBy: { position: 'asc' } });
  const gates = await prisma.gate.findMany({ where: { deploymentId: id }, orderBy: { position: 'asc' } });
  return { id, people, phases, gates, url: (rest = '') => `/api/deployments/${id}${rest}` };
}
