import { findActor } from '@/lib/server/auth/get-actor';
import { updateItem } from '@/lib/server/checklist/update-item';
import { itemsOf, makeDeployment, makeToken, makeUser } from '@/lib/server/seed/factories';

/** A deployment with `count` IC items, made through the factories against `databaseUrl`. */
export async function seedFaultCrew(databaseUrl: string, count = 20) {
  process.env.DATABASE_URL = databaseUrl;
  const ic = await makeUser({ name: 'Fault IC' });
  const token = await makeToken(ic.id);
  const deployment = await makeDeployment({
    definition: {
      name: 'faults',
      roles: [{ key: 'ic', name: 'IC', isIc: true }],
      phases: [
        {
          title: 'Go',
          items: Array.from({ length: count }, (_, i) => ({ title: `step ${i}`, roleKey: 'ic', children: [] })),
        },
      ],
    },
    people: { ic: [ic.id] },
  });
  const items = await itemsOf(deployment.id);
  return { token, deploymentId: deployment.id, itemIds: items.map((i) => i.id) };
}

/**
 * Ticks an item from this test process, which runs no socket server: the tick commits and its
 * event is published to nobody — as when a process commits while Redis is down and dies before
 * its queued publications leave.
 */
export async function tickUnpublished(token: string, deploymentId: string, itemId: string) {
  const actor = await findActor(new Headers({ authorization: `Bearer ${token}` }));
  if (!actor) throw new Error('the token no longer signs in');
  await updateItem(actor, deploymentId, itemId, { status: 'done', version: 1 });
}
