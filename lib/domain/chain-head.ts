/**
 * A chain head someone kept outside the database — the report's "Chain head: event #42, `9c1f…`"
 * line, a webhook's `"chain":{"seq":42,"hash":"9c1f…"}` — compared with the record as it verifies
 * now. The keyed chain makes the comparison mean something: whoever rewrote an event at or before
 * #42 without the audit key cannot make event #42 hash to what was kept.
 *
 * A head is a point on a deployment's audit chain: an event number and the keyed hash it has there.
 */
export type ChainHead = { seq: number; hash: string };

export type HeadComparison = ChainHead & { matches: boolean; reason: string };

const HASH = '([0-9a-fA-F]{64})';
const SEQ = '#?\\s*"?(\\d{1,9})';
const SEQ_THEN_HASH = new RegExp(`${SEQ}\\D*?${HASH}`);
const HASH_THEN_SEQ = new RegExp(`${HASH}[^0-9a-fA-F]+?"?seq"?\\s*:?\\s*${SEQ}`);

/** The head in what was pasted (a report line, a webhook's chain, or "#42 9c1f…"), or null. */
export function parseChainHead(text: string): ChainHead | null {
  const seqFirst = SEQ_THEN_HASH.exec(text);
  if (seqFirst) return toHead(seqFirst[1], seqFirst[2]);
  const hashFirst = HASH_THEN_SEQ.exec(text);
  return hashFirst ? toHead(hashFirst[2], hashFirst[1]) : null;
}

function toHead(seq: string, hash: string): ChainHead | null {
  const n = Number(seq);
  return n >= 1 ? { seq: n, hash: hash.toLowerCase() } : null;
}

/**
 * `found`: the hash event #seq has in the record as verified (null when it did not verify that
 * far); `verified`: how many events, from the first, the check vouches for.
 */
export function compareWithChainHead(kept: ChainHead, found: string | null, verified: number): HeadComparison {
  if (found === kept.hash)
    return {
      ...kept,
      matches: true,
      reason: `Event #${kept.seq} still has the hash you kept: the record passes through your copy.`,
    };
  if (found === null && verified === 0)
    return {
      ...kept,
      matches: false,
      reason: `The record does not verify from its first event, so it cannot vouch for the #${kept.seq} you kept.`,
    };
  if (found === null)
    return {
      ...kept,
      matches: false,
      reason: `The record verifies up to event #${verified} only, so it cannot vouch for the #${kept.seq} you kept.`,
    };
  return {
    ...kept,
    matches: false,
    reason: `Event #${kept.seq} has another hash than the one you kept: the record was rewritten at or before #${kept.seq}, or your copy is of another war room.`,
  };
}
