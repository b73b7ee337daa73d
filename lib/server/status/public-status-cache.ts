import type { PublicStatus } from '@/lib/domain/public-status';
import { prisma } from '@/lib/server/db';
import { processSingleton } from '@/lib/server/singleton';
import { loadPublicStatus } from './load-public-status';

/**
 * One snapshot per deployment and variant (with or without names), shared by every page load
 * and every watcher: thousands of watchers cost one computation per change, not one each.
 * The deployment's event counter is the version. An event committed in this process bumps the
 * deployment's generation at once, so no load that began before it is reused or trusted; an
 * event committed by another process is noticed within FRESH_MS.
 */
const FRESH_MS = 1000;

type Entry = { status: PublicStatus; checkedAt: number; generation: number };
type Load = { promise: Promise<PublicStatus | null>; generation: number };
type Cache = { entries: Map<string, Entry>; loads: Map<string, Load>; generations: Map<string, number> };

function cache(): Cache {
  return processSingleton<Cache>('__warroomPublicStatus', () => ({
    entries: new Map(),
    loads: new Map(),
    generations: new Map(),
  }));
}

const keyOf = (deploymentId: string, showNames: boolean) => `${deploymentId}:${showNames ? 'names' : 'anon'}`;
const generationOf = (deploymentId: string) => cache().generations.get(deploymentId) ?? 0;

export function markPublicStatusStale(deploymentId: string) {
  cache().generations.set(deploymentId, generationOf(deploymentId) + 1);
}

async function load(
  deploymentId: string,
  showNames: boolean,
  previous: Entry | undefined,
  generation: number,
): Promise<PublicStatus | null> {
  const key = keyOf(deploymentId, showNames);
  const current = await prisma.deployment.findUnique({ where: { id: deploymentId }, select: { seq: true } });
  if (!current) {
    cache().entries.delete(key);
    return null;
  }
  const status =
    previous && previous.status.seq === current.seq ? previous.status : await loadPublicStatus(deploymentId, showNames);
  if (!status) return null;
  cache().entries.set(key, { status, checkedAt: Date.now(), generation });
  return status;
}

export async function getPublicStatus(deploymentId: string, showNames: boolean): Promise<PublicStatus | null> {
  const { entries, loads } = cache();
  const key = keyOf(deploymentId, showNames);
  const generation = generationOf(deploymentId);
  const cached = entries.get(key);
  if (cached && cached.generation === generation && Date.now() - cached.checkedAt < FRESH_MS) return cached.status;
  const running = loads.get(key);
  if (running && running.generation === generation) return running.promise;
  const promise = load(deploymentId, showNames, cached, generation);
  loads.set(key, { promise, generation });
  try {
    return await promise;
  } finally {
    if (loads.get(key)?.promise === promise) loads.delete(key);
  }
}

/** Forgets a deployment nobody watches any more (bounded memory on a long-running server). */
export function forgetPublicStatus(deploymentId: string) {
  for (const showNames of [false, true]) cache().entries.delete(keyOf(deploymentId, showNames));
  cache().generations.delete(deploymentId);
}
