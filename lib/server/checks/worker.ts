import { describeCheck, type CheckSpec } from '@/lib/domain/checks';
import { TERMINAL_STATES } from '@/lib/domain/deployment-state';
import type { BackgroundWorker } from '@/lib/server/background';
import { logger } from '@/lib/server/logger';
import { sql } from '@/lib/server/sql';
import { CHECK_ACTOR, recordRun, type CheckWithItem } from './record-run';
import { runHttpCheck, runPrometheusCheck } from './run-check';

/**
 * The checks of items whose phase is running, run by the leader process (server.ts starts it
 * with the other background work). Every second it claims the checks that are due — pushing
 * their next run one interval ahead first, so a slow target never runs twice at once — and runs
 * them side by side: one slow target must not hold up another deployment's checks.
 */
const TICK_MS = 1000;
const MAX_PER_TICK = 32;

async function claimDue(now: Date): Promise<CheckWithItem[]> {
  return sql<CheckWithItem>`
    UPDATE "ItemCheck" c SET "nextRunAt" = ${now}::timestamp + make_interval(secs => c."intervalSec")
    FROM "ChecklistItem" i, "Role" r
    WHERE c."itemId" IN (
      SELECT c2."itemId" FROM "ItemCheck" c2
      JOIN "ChecklistItem" i2 ON i2."id" = c2."itemId"
      JOIN "Phase" p ON p."id" = i2."phaseId"
      JOIN "Deployment" d ON d."id" = c2."deploymentId"
      WHERE c2."kind" <> 'ci' AND c2."nextRunAt" <= ${now} AND p."status" = 'active'
        AND d."state"::text <> ALL(${[...TERMINAL_STATES]}::text[])
      ORDER BY c2."nextRunAt" LIMIT ${MAX_PER_TICK}
      FOR UPDATE OF c2 SKIP LOCKED)
    AND i."id" = c."itemId" AND r."id" = i."roleId"
    RETURNING c.*, i."status"::text AS "itemStatus", i."title", i."phaseId", i."expectedOutput", r."key" AS "roleKey"`;
}

/** One run of one check, recorded (and turned into a tick or a mismatch when it says so). */
export async function runCheck(row: CheckWithItem): Promise<void> {
  const spec = row.spec as CheckSpec;
  const at = new Date().toISOString();
  const started = performance.now();
  const result =
    spec.kind === 'http'
      ? await runHttpCheck(spec)
      : spec.kind === 'prometheus'
        ? await runPrometheusCheck(row.deploymentId, spec)
        : null;
  if (!result) return;
  const durationMs = Math.round(performance.now() - started);
  await recordRun(
    row,
    { at, ...result, durationMs },
    { actor: CHECK_ACTOR, source: 'check', description: describeCheck(spec) },
  );
}

function startLoop(): { stop: () => Promise<void> } {
  const inFlight = new Map<string, Promise<void>>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const tick = async () => {
    const due = await claimDue(new Date());
    for (const row of due) {
      if (inFlight.has(row.itemId)) continue;
      const work = runCheck(row)
        .catch((error) => logger.warn('check.run_failed', { itemId: row.itemId, error: String(error) }))
        .finally(() => inFlight.delete(row.itemId));
      inFlight.set(row.itemId, work);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      tick()
        .catch((error) => logger.error('checks.tick_failed', { error: String((error as Error)?.message ?? error) }))
        .finally(schedule);
    }, TICK_MS);
    timer.unref();
  };
  schedule();
  return {
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await Promise.allSettled([...inFlight.values()]);
    },
  };
}

/** The item checks' runner: started by server.ts on the leader. */
export const checksWorker: BackgroundWorker = {
  name: 'checks',
  start: async () => startLoop().stop,
};
