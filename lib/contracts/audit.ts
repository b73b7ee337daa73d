import type { HeadComparison } from '@/lib/domain/chain-head';

/**
 * GET /api/deployments/:id/audit and GET /api/account-events/verify: the server recomputing a
 * record's hash chain with the audit keys it holds — what `npm run audit:verify` prints, for
 * people without a shell.
 */
export type RecordCheckDto = {
  intact: boolean;
  /** Events (or account-history lines) found in order and unchanged: all of them, or those before the break. */
  checked: number;
  /** Intact: the hash of the chain's last link, to compare with an outside copy (the report's, a webhook's, the CSV's). */
  headHash: string | null;
  /** Broken: the first sequence number (or line) that does not verify, and why. */
  brokenAt: number | null;
  reason: string | null;
  /** Account history only: lines written before it was chained, counted but not checked. */
  unchained?: number;
  /** The id of the audit key the server hashes with now (docs/security.md, "Rotating the audit key"). */
  keyId: string;
  checkedAt: string;
  /** Asked with `?seq=&hash=` (a head kept elsewhere): whether the record still passes through it. */
  compared?: HeadComparison;
};
