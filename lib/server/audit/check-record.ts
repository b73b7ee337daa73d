import type { RecordCheckDto } from '@/lib/contracts/audit';
import { compareWithChainHead, type ChainHead } from '@/lib/domain/chain-head';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { authorize } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { auditKeys, currentAuditKeyId } from '@/lib/server/events/audit-key';
import { verifyChain } from '@/lib/server/events/verify-chain';
import { processSingleton } from '@/lib/server/singleton';
import { verifyAccountChain } from '@/lib/server/users/account-chain';
import { ensureMayManageAccounts } from '@/lib/server/users/authorize-accounts';

/**
 * A check reads a whole record and hashes every link (a long war room: tens of thousands), each
 * holding a database connection for its snapshot. A few at once per process; more are refused
 * with `503 busy`, never queued, so reloading the page cannot pile them up.
 */
const MAX_CHECKS_AT_ONCE = 2;
const RETRY_AFTER_SECONDS = 5;

async function withinCheckLimit<T>(check: () => Promise<T>): Promise<T> {
  const running = processSingleton('__warroomRecordChecks', () => ({ count: 0 }));
  if (running.count >= MAX_CHECKS_AT_ONCE)
    throw new AppError('busy', `Other records are being checked; try again in ${RETRY_AFTER_SECONDS} s.`, {
      retryAfterSeconds: RETRY_AFTER_SECONDS,
    });
  running.count += 1;
  try {
    return await check();
  } finally {
    running.count -= 1;
  }
}

const checked = (result: Omit<RecordCheckDto, 'keyId' | 'checkedAt'>): RecordCheckDto => ({
  ...result,
  keyId: currentAuditKeyId(),
  checkedAt: new Date().toISOString(),
});

/** `?seq=<event number>&hash=<64 hex>`: a head kept elsewhere, to compare; both or neither. */
export function keptHeadOf(query: URLSearchParams): ChainHead | undefined {
  const seq = query.get('seq');
  const hash = query.get('hash');
  if (seq === null && hash === null) return undefined;
  if (seq === null || !/^[1-9][0-9]{0,8}$/.test(seq) || hash === null || !/^[0-9a-fA-F]{64}$/.test(hash))
    throw new AppError(
      'invalid_query',
      'To compare with a head you kept, send `seq` (its event number) and `hash` (its 64 hex digits) together.',
    );
  return { seq: Number(seq), hash: hash.toLowerCase() };
}

/**
 * GET /api/deployments/:id/audit: anyone who may read the war room may check its record, and
 * whether it still passes through a head they kept (`kept`).
 */
export async function checkDeploymentRecord(
  actor: SignedInActor,
  deploymentId: string,
  kept?: ChainHead,
): Promise<RecordCheckDto> {
  await authorize(actor, 'deployment.read', deploymentId);
  let found: string | null = null;
  const result = await withinCheckLimit(() =>
    verifyChain(deploymentId, auditKeys(), (seq, hash) => {
      if (seq === kept?.seq) found = hash;
    }),
  );
  if (!result) throw new AppError('not_found', 'No such deployment.');
  // What the check vouches for: every event, or those before the first break.
  const vouched = result.intact ? result.events : result.brokenSeq - 1;
  const compared = kept && compareWithChainHead(kept, kept.seq <= vouched ? found : null, vouched);
  return checked({
    ...(result.intact
      ? { intact: true, checked: result.events, headHash: result.lastHash || null, brokenAt: null, reason: null }
      : { intact: false, checked: result.events, headHash: null, brokenAt: result.brokenSeq, reason: result.reason }),
    ...(compared ? { compared } : {}),
  });
}

/** GET /api/account-events/verify: the account history is the admins' to read, and so to check. */
export async function checkAccountRecord(actor: SignedInActor): Promise<RecordCheckDto> {
  ensureMayManageAccounts(actor);
  const result = await withinCheckLimit(() => verifyAccountChain(auditKeys()));
  return checked(
    result.intact
      ? {
          intact: true,
          checked: result.lines,
          headHash: result.lastHash || null,
          brokenAt: null,
          reason: null,
          unchained: result.unchained,
        }
      : { intact: false, checked: result.lines, headHash: null, brokenAt: result.brokenAt, reason: result.reason },
  );
}
