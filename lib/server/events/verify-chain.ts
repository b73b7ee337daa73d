import { prisma } from '@/lib/server/db';
import { hashEvent } from './append-event';

export type ChainResult =
  | { intact: true; events: number; lastHash: string }
  | { intact: false; events: number; brokenSeq: number; reason: string };

const PAGE = 1000;

/**
 * Recomputes a deployment's audit chain from its first event: every event must follow the one
 * before it (seq without holes), link to its hash, and hash to what it stores; the deployment's
 * head must point at the last one (so a deleted tail shows too). Reports the first break.
 */
export async function verifyChain(deploymentId: string): Promise<ChainResult | null> {
  const deployment = await prisma.deployment.findUnique({ where: { id: deploymentId }, select: { seq: true, lastEventHash: true } });
  if (!deployment) return null;
  let prev = '';
  let expected = 1;
  for (;;) {
    const rows = await prisma.event.findMany({ where: { deploymentId, seq: { gte: expected } }, orderBy: { seq: 'asc' }, take: PAGE });
    for (const row of rows) {
      const broken = (reason: string): ChainResult => ({ intact: false, events: expected - 1, brokenSeq: expected, reason });
      if (row.seq !== expected) return broken(`event #${expected} is missing`);
      if (row.prevHash !== prev) return broken(`event #${row.seq} does not link to the event before it`);
      if (hashEvent(row, prev) !== row.hash) return broken(`event #${row.seq} was changed after it was written`);
      prev = row.hash;
      expected += 1;
    }
    if (rows.length < PAGE) break;
  }
  const count = expected - 1;
  if (count !== deployment.seq || deployment.lastEventHash !== prev) {
    return { intact: false, events: count, brokenSeq: count + 1, reason: `the log ends at #${count} but the deployment has seen ${deployment.seq} events` };
  }
  return { intact: true, events: count, lastHash: prev };
}
