import pg from 'pg';
import { env } from './env';
import { logger } from './logger';

/** Any fixed 64-bit number: the advisory lock that names the process doing background work. */
const LEADER_LOCK_KEY = 727_274_1;

export type Leadership = { isLeader: () => boolean; stop: () => Promise<void> };

/**
 * Background work runs once, not once per process: the process holding a PostgreSQL session
 * advisory lock leads. The lock lives on a dedicated connection, so if the leader dies (or its
 * connection drops) PostgreSQL releases it and another process takes over at its next try.
 */
export function campaignForLeadership(options: {
  databaseUrl: string;
  retryMs?: number;
  onElected: () => Promise<void>;
  onDeposed: () => Promise<void>;
}): Leadership {
  const retryMs = options.retryMs ?? env().LEADER_RETRY_MS;
  let client: pg.Client | null = null;
  let leader = false;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;

  const depose = async (reason: string) => {
    if (!leader) return;
    leader = false;
    logger.warn('leader.deposed', { reason });
    await options.onDeposed().catch(() => undefined);
  };

  const attempt = async () => {
    if (stopped) return;
    try {
      if (!client) {
        const next = new pg.Client({ connectionString: options.databaseUrl });
        next.on('error', () => void depose('lock connection lost').then(() => (client = null)));
        await next.connect();
        client = next;
      }
      if (!leader) {
        const result = await client.query('SELECT pg_try_advisory_lock($1) AS ok', [LEADER_LOCK_KEY]);
        if (result.rows[0]?.ok) {
          leader = true;
          logger.info('leader.elected', { pid: process.pid });
          await options.onElected();
        }
      } else {
        await client.query('SELECT 1');
      }
    } catch (error) {
      await client?.end().catch(() => undefined);
      client = null;
      await depose(`lock check failed: ${(error as Error).message}`);
    }
    if (!stopped) {
      timer = setTimeout(() => void attempt(), retryMs);
      timer.unref();
    }
  };
  void attempt();

  return {
    isLeader: () => leader,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await depose('shutting down');
      if (client) {
        await client.query('SELECT pg_advisory_unlock($1)', [LEADER_LOCK_KEY]).catch(() => undefined);
        await client.end().catch(() => undefined);
      }
    },
  };
}
