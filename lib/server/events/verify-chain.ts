import { prisma, type Tx } from '@/lib/server/db';
import { hashEvent, plainHashEvent } from './append-event';
import { keysById } from './audit-key';
import { legacySeal } from './seal-legacy-chains';
import { rotationSeal } from './seal-rotated-chains';

export type ChainResult =
  | { intact: true; events: number; lastHash: string }
  | { intact: false; events: number; brokenSeq: number; reason: string };

const PAGE = 1000;
/** A chain of a hundred thousand events verifies in seconds; past this the snapshot is given up. */
const SNAPSHOT_TIMEOUT_MS = 120_000;

const NOT_GIVEN = 'set AUDIT_KEY_PREVIOUS to the earlier audit keys';

/**
 * Recomputes a deployment's audit chain from its first event: every event must follow the one
 * before it (seq without holes), link to its hash, and hash to what it stores — keyed with the
 * audit key that hashed it (`keys`: the current one first, then earlier ones, found by the id each
 * event stores), or, for events written before the chain was keyed (up to `legacyChainSeq`),
 * plain SHA-256 under a keyed seal over that part's head. The deployment's head must point at the
 * last one (so a deleted tail shows too). After a rotation, whatever earlier keys made must be
 * covered by the current key: an event it hashed later in the chain, or its seal over the head
 * (`ChainSeal`). Reports the first break.
 */
export async function verifyChain(
  deploymentId: string,
  keys: Buffer[],
  /** Called with each event that verified, in order (to compare one with a head kept elsewhere). */
  onVerified?: (seq: number, hash: string) => void,
): Promise<ChainResult | null> {
  // One snapshot of the deployment's head and its events: a live war room appends while this
  // reads, and events committed between the two reads must be neither half-seen nor a "break".
  return prisma.$transaction((tx) => verifyChainIn(tx, deploymentId, keys, onVerified), {
    isolationLevel: 'RepeatableRead',
    timeout: SNAPSHOT_TIMEOUT_MS,
    maxWait: 10_000,
  });
}

async function verifyChainIn(
  db: Tx,
  deploymentId: string,
  keys: Buffer[],
  onVerified?: (seq: number, hash: string) => void,
): Promise<ChainResult | null> {
  const deployment = await db.deployment.findUnique({
    where: { id: deploymentId },
    select: { seq: true, lastEventHash: true, legacyChainSeq: true, legacySeal: true, chainSeals: true },
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
  const [current] = keys;
  const byId = keysById(keys);
  const sealsAt = new Map<number, typeof deployment.chainSeals>();
  for (const seal of deployment.chainSeals) sealsAt.set(seal.seq, [...(sealsAt.get(seal.seq) ?? []), seal]);
  // The newest event only an earlier key vouches for, until the current key covers it.
  let uncovered = 0;
  let prev = '';
  let expected = 1;
  for (;;) {
    const rows = await db.event.findMany({
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
      let madeBy: Buffer | undefined;
      if (row.seq <= legacy) {
        if (plainHashEvent(row, prev) !== row.hash) return broken(`event #${row.seq} was changed after it was written`);
        if (row.seq === legacy) {
          // A plain chain anyone could recompute: only the keyed seal tells whether it is the one written.
          madeBy = keys.find((key) => deployment.legacySeal === legacySeal(key, deploymentId, legacy, row.hash));
          if (!madeBy)
            return broken(
              deployment.legacySeal
                ? `events #1–#${legacy} (written before the chain was keyed) no longer match their seal`
                : `events #1–#${legacy} (written before the chain was keyed) are not sealed: start the server once with its AUDIT_KEY`,
              1,
            );
        }
      } else if (row.keyId) {
        madeBy = byId.get(row.keyId);
        if (!madeBy)
          return broken(`event #${row.seq} was hashed with an audit key not given (id ${row.keyId}): ${NOT_GIVEN}`);
        if (hashEvent(row, prev, madeBy) !== row.hash)
          return broken(`event #${row.seq} was changed after it was written`);
      } else {
        // Written before events named their key: any key given may have made it.
        madeBy = keys.find((key) => hashEvent(row, prev, key) === row.hash);
        if (!madeBy) return broken(`event #${row.seq} was changed after it was written (or ${NOT_GIVEN})`);
      }
      if (madeBy) uncovered = madeBy === current ? 0 : row.seq;
      for (const seal of sealsAt.get(row.seq) ?? []) {
        const sealKey = byId.get(seal.keyId);
        if (!sealKey)
          return broken(
            `the seal at event #${row.seq} was made with an audit key not given (id ${seal.keyId}): ${NOT_GIVEN}`,
          );
        if (seal.headHash !== row.hash || seal.seal !== rotationSeal(sealKey, deploymentId, row.seq, row.hash))
          return broken(`events #1–#${row.seq} no longer match the seal made when the audit key changed`, 1);
        if (sealKey === current) uncovered = 0;
      }
      onVerified?.(row.seq, row.hash);
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
  const beyond = deployment.chainSeals.find((seal) => seal.seq > count);
  if (beyond)
    return {
      intact: false,
      events: count,
      brokenSeq: count + 1,
      reason: `a seal covers event #${beyond.seq}, which the log does not have`,
    };
  if (uncovered > 0)
    return {
      intact: false,
      events: count,
      brokenSeq: 1,
      reason: `events #1–#${uncovered} were hashed with an earlier audit key and are not sealed with the current one: start the server once with the current AUDIT_KEY`,
    };
  return { intact: true, events: count, lastHash: prev };
}
