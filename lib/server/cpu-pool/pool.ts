/**
 * A small pool of worker threads for the CPU-heavy requests (parsing a runbook, validating a
 * template, rendering a report), so that one big import no longer holds up every socket's next
 * event. The queue in front of it is bounded: when CPU_POOL_THREADS are busy and CPU_POOL_QUEUE
 * tasks already wait, the next request is refused with `503 busy` and a Retry-After instead of
 * joining an ever longer backlog (docs/architecture.md, "Where CPU work runs").
 *
 * server.ts (tsx) and Next's route-handler bundles load this module separately, so the pool
 * lives on globalThis. No `server-only` marker: server.ts starts and stops it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Piscina } from 'piscina';
import { generateRunbook } from '@/lib/domain/runbook';
import { env } from '@/lib/server/env';
import { AppError } from '@/lib/server/errors';
import { processSlot } from '@/lib/server/singleton';
import type { CpuTasks } from './tasks';

/** How long a refused client should wait before trying again. */
export const BUSY_RETRY_AFTER_SECONDS = 2;

type Held = { pool: Piscina; threads: number; queue: number; inFlight: number; refused: number };

const slot = processSlot<Held>('__warroomCpuPool');

/**
 * The worker entry, found from the project's root: Next bundles this module into `.next/`, where a
 * path relative to the module would point at nothing. Every launcher (`npm start`, `npm run dev`,
 * the tests, the benchmarks) runs the server from the project's root.
 */
export function workerFile(): string {
  return path.join(process.cwd(), 'lib/server/cpu-pool/worker.mjs');
}

function held(): Held {
  const current = slot.get();
  if (current) return current;
  const { CPU_POOL_THREADS: threads, CPU_POOL_QUEUE: queue } = env();
  const filename = workerFile();
  if (!fs.existsSync(filename))
    throw new Error(`The CPU pool's worker file is missing at ${filename}: start the server from the project's root.`);
  const pool = new Piscina({
    filename,
    // Every thread up front and kept: a thread's first task would otherwise pay for loading
    // tsx, markdown-it and zod (hundreds of milliseconds).
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Infinity,
    // Piscina counts waiting tasks only; running ones are the threads'. 0 means "no waiting".
    maxQueue: queue,
  });
  const fresh: Held = { pool, threads, queue, inFlight: 0, refused: 0 };
  slot.set(fresh);
  return fresh;
}

function isQueueFull(error: unknown): boolean {
  return error instanceof Error && /Task queue is at limit|No task queue available/.test(error.message);
}

/** Runs one task on the pool; `503 busy` (Retry-After) when the bounded queue is full. */
export async function runOffThread<K extends keyof CpuTasks>(
  name: K,
  input: Parameters<CpuTasks[K]>[0],
): Promise<ReturnType<CpuTasks[K]>> {
  const state = held();
  state.inFlight += 1;
  try {
    return (await state.pool.run(input, { name })) as ReturnType<CpuTasks[K]>;
  } catch (error) {
    if (!isQueueFull(error)) throw error;
    state.refused += 1;
    throw new AppError(
      'busy',
      `The server is busy with other imports and reports (${state.queue} waiting); try again in ${BUSY_RETRY_AFTER_SECONDS} s.`,
      { retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS },
    );
  } finally {
    state.inFlight -= 1;
  }
}

/** For /metrics: tasks accepted and not yet answered, those waiting for a thread, and refusals. */
export function cpuPoolStats(): { threads: number; inFlight: number; queued: number; refused: number } | null {
  const state = slot.get();
  if (!state) return null;
  return { threads: state.threads, inFlight: state.inFlight, queued: state.pool.queueSize, refused: state.refused };
}

/**
 * server.ts, while Next prepares and before it listens: every thread loads the task modules (a
 * file that cannot load stops the server here rather than failing every import later). With
 * WARM_UP (the default) each then parses a 1 000-item runbook twice, so the first real import does
 * not pay for compiling the parser (a cold thread took ~0.5 s for a 5 000-item runbook that a warm
 * one parses in ~0.15 s). It runs on the pool's threads beside Next's start, so it neither delays
 * readiness by much nor competes with the first ticks after it, as a warm-up after `ready` did
 * (issue 15's cold start).
 */
export async function startCpuPool(): Promise<void> {
  const state = held();
  const rounds = env().WARM_UP ? [generateRunbook(1000), generateRunbook(1000)] : ['# Loaded\n'];
  for (const markdown of rounds) {
    await Promise.all(
      Array.from({ length: state.threads }, () => state.pool.run({ markdown, options: {} }, { name: 'parseRunbook' })),
    );
  }
}

/** server.ts, on shutdown. */
export async function stopCpuPool(): Promise<void> {
  const state = slot.get();
  slot.set(undefined);
  await state?.pool.destroy();
}
