import { env } from './env';
import { campaignForLeadership } from './leader';
import { logger } from './logger';
import { processSlot } from './singleton';

/**
 * Background work (metric polling, the simulator, webhook deliveries, checkpoint timers). server.ts
 * hands the workers to `startBackgroundWork` once the database is ready. With several processes on
 * one PostgreSQL only the leader runs them (see leader.ts); the embedded database is one process.
 */
export type BackgroundWorker = { name: string; start: () => Promise<() => Promise<void>> };

const leader = processSlot<boolean>('__warroomLeader');

/** Whether this process runs the background work now (reported by /api/health). */
export function isLeader(): boolean {
  return leader.get() ?? false;
}

async function startAll(workers: readonly BackgroundWorker[]): Promise<() => Promise<void>> {
  const stops: (() => Promise<void>)[] = [];
  for (const worker of workers) {
    try {
      stops.push(await worker.start());
    } catch (error) {
      logger.error('worker.start_failed', { worker: worker.name, error: String(error) });
    }
  }
  return async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  };
}

export async function startBackgroundWork(
  workers: readonly BackgroundWorker[],
  options: { embedded: boolean },
): Promise<() => Promise<void>> {
  if (options.embedded || !env().LEADER_ELECTION) {
    leader.set(true);
    return startAll(workers);
  }
  let stopWorkers: (() => Promise<void>) | null = null;
  const leadership = campaignForLeadership({
    databaseUrl: env().DATABASE_URL!,
    onElected: async () => {
      leader.set(true);
      stopWorkers = await startAll(workers);
    },
    onDeposed: async () => {
      leader.set(false);
      await stopWorkers?.();
      stopWorkers = null;
    },
  });
  return () => leadership.stop();
}
