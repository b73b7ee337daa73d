import type { ActorKey, Room } from './actors';

/** One row of the matrix: who may call an endpoint, and how to make a request that would succeed. */

type Prepared = { path: string; body?: unknown };
export type Case = {
  allow: readonly ActorKey[];
  prepare: (crew: Room, actor: ActorKey) => Promise<Prepared>;
  /** Besides 401/403, what a refusal may look like (404: "not yours" is not told apart from "none"). */
  alsoRefusedAs?: readonly number[];
  cleanup?: (crew: Room) => Promise<void>;
  /** The token scope the endpoint needs beyond read/write (gate decisions need gates:sign). */
  scope?: 'gates:sign';
};

/** A table of rows, by "METHOD route" (or "METHOD route (variant)"); a skipped endpoint says why. */
export type CaseTable = Record<string, Case | { skip: string }>;

/** Tokens with read and write but not gates:sign: allowed what their person is, except gate decisions. */
const WITHOUT_SIGN: Partial<Record<ActorKey, ActorKey>> = { ic: 'icNoSign', dba: 'dbaNoSign' };

/** Who may call an endpoint: the row's actors, and their read/write-only tokens unless it needs a scope those lack. */
export function allowedActors(row: Case): ActorKey[] {
  const extra = row.scope ? [] : row.allow.flatMap((a) => (WITHOUT_SIGN[a] ? [WITHOUT_SIGN[a]!] : []));
  return [...row.allow, ...extra];
}
