import crypto from 'node:crypto';
import { createTestDatabase, freePort, serverEnv, startAppServer, stopAppServer } from '../../scripts/test-env.mjs';

export type BenchResult = { name: string; [metric: string]: string | number | boolean | null };

// The server the scratch databases are created on; DATABASE_URL is then repointed at each one so
// the factories write where the benchmark's server reads.
const baseDatabaseUrl = process.env.DATABASE_URL;

/**
 * A fresh database and the real production server on it, for one benchmark; `processes` > 1
 * starts that many servers on the one database (give them REDIS_URL to share socket.io rooms).
 * The per-user write limit is off: benchmarks measure capacity, not the guard.
 */
export async function benchServers(processes: number, extra: Record<string, string> = {}) {
  process.env.DATABASE_URL = baseDatabaseUrl;
  const database = await createTestDatabase('bench');
  process.env.DATABASE_URL = database.url;
  const servers: {
    baseUrl: string;
    pid: number;
    env: NodeJS.ProcessEnv;
    child: import('node:child_process').ChildProcess;
  }[] = [];
  for (let i = 0; i < processes; i++) {
    const port = await freePort();
    // BENCH_CPU_PROFILE=<folder>: each server writes a V8 CPU profile there when it stops.
    const nodeArgs = process.env.BENCH_CPU_PROFILE
      ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`]
      : [];
    const env = serverEnv({
      databaseUrl: database.url,
      port,
      adminToken: crypto.randomBytes(16).toString('hex'),
      // BENCH_LOG_LEVEL (e.g. warn): the servers' logs on the benchmark's stderr, to see why a run failed.
      extra: { LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'silent', WRITE_RATE_LIMIT: '0', ...extra },
    });
    const server = await startAppServer(env, { nodeArgs });
    servers.push({ baseUrl: server.baseUrl, pid: server.child.pid!, env, child: server.child });
  }
  return {
    servers,
    databaseUrl: database.url,
    stop: async () => {
      for (const server of servers) await stopAppServer(server.child);
      await database.drop();
    },
  };
}

export async function benchServer(extra: Record<string, string> = {}) {
  const { servers, databaseUrl, stop } = await benchServers(1, extra);
  return { ...servers[0], databaseUrl, stop };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Resident memory of a process in KB, from /proc (Linux). */
export async function rssKb(pid: number): Promise<number> {
  const fs = await import('node:fs/promises');
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) : NaN;
}

/** The young generation V8 has committed in an app process, in KB, from its /metrics. */
export async function youngGenerationKb(metricsUrl: string): Promise<number> {
  const text = await (await fetch(metricsUrl)).text();
  const bytes = [
    ...text.matchAll(/^nodejs_heap_space_resident_bytes\{space="new(?:_large_object)?_space"\} (\d+)$/gm),
  ].reduce((sum, m) => sum + Number(m[1]), 0);
  return bytes / 1024;
}

/** CPU time (user + system) a process has used so far, in ms, from /proc (Linux). */
export async function cpuMs(pid: number): Promise<number> {
  const fs = await import('node:fs/promises');
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
  // Fields after the command name (which may hold spaces) start after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticksPerSecond = 100;
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/**
 * Waits until a process has settled: under 30 ms of CPU in half a second (a server's warm-up
 * done, the garbage of its start collected), for at most `limitMs`; answers how long it waited.
 * For measuring a server in its steady state: the first seconds after a start are what
 * `cold-start` and `restart-reconnect` measure.
 */
export async function settled(pid: number, limitMs = 15_000): Promise<number> {
  const started = performance.now();
  let before = await cpuMs(pid);
  while (performance.now() - started < limitMs) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    const now = await cpuMs(pid);
    if (now - before < 30) break;
    before = now;
  }
  return Math.round(performance.now() - started);
}
