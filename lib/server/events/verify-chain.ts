import { prisma } from '@/lib/server/db';
import { hashEvent, plainHashEvent } from './append-event';
import { legacySeal } from './seal-legacy-chains';

export type ChainResult =
  | { intact: true; events: number; lastHash: string }
  | { intact: false; events: number; brokenSeq: number; reason: string };

const PAGE = 1000;

/**
 * Recomputes a deployment's audit chain from its first event: every event must follow the one
 * before it (seq without holes), link to its hash, and hash to what it stores — keyed with the
 * audit key, or, for events written before the chain was keyed (up to `legacyChainSeq`), plain
 * SHA-256 under a keyed seal over that part's head. The deployment's head must point at the last
 * one (so a deleted tail shows too). Reports the first break.
 */
export async function verifyChain(deploymentId: string, key: Buffer): Promise<ChainResult | null> {
  const deployment = await prisma.deployment.findUnique({
    where: { id: deploymentId },
    select: { seq: true, lastEventHash: true, legacyChainSeq: true, legacySeal: true },
  });
  if (!deployment) return null;
  const legacy = deployment.legacyChainSeq;
  if (legacy > deployment.seq) {
    return {
      intact: false,
      events: 0,
      brokenSeq: 1,
      reason: `the chain claims ${legacy} events from before it was keyed, more than the ${deployment.seq} it has`,
    };
  }
  let prev = '';
  let expected = 1;
  for (;;) {
    const rows = await prisma.event.findMany({
      where: { deploymentId, seq: { gte: expected } },
      orderBy: { seq: 'asc' },
      take: PAGE,
    });
    for (const row of rows) {
      const broken = (reason: string, at = expected): ChainResult => ({
        intact: false,
        events: at - 1,
        brokenSeq: at,
        reason,
      });
      if (row.seq !== expected) return broken(`event #${expected} is missing`);
      if (row.prevHash !== prev) return broken(`event #${row.seq} does not link to the event before it`);
      const hash = row.seq <= legacy ? plainHashEvent(row, prev) : hashEvent(row, prev, key);
      if (hash !== row.hash) return broken(`event #${row.seq} was changed after it was written`);
      if (row.seq === legacy && deployment.legacySeal !== legacySeal(key, deploymentId, legacy, row.hash)) {
        // A plain chain anyone could recompute: only the keyed seal tells whether it is the one written.
        return broken(
          deployment.legacySeal
            ? `events #1–#${legacy} (written before the chain was keyed) no longer match their seal`
            : `events #1–#${legacy} (written before the chain was keyed) are not sealed: start the server once with its AUDIT_KEY`,
          1,
        );
      }
      prev = row.hash;
      expected += 1;
    }
    if (rows.length < PAGE) break;
  }
  const count = expected - 1;
  if (count !== deployment.seq || deployment.lastEventHash !== prev) {
    return {
      intact: false,
      events: count,
      brokenSeq: count + 1,
      reason: `the log ends at #${count} but the deployment has seen ${deployment.seq} events`,
    };
  }
  return { intact: true, events: count, lastHash: prev };
}
