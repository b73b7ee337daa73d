/**
 * "Evaluate on every sample" without evaluating once per sample: requests for a deployment that
 * arrive while its evaluation runs are folded into one more run afterwards. Every caller's promise
 * settles after an evaluation that started after its request, so a push answered 202 has already
 * been judged.
 */

import { logger } from '@/lib/server/logger';
import { processSingleton } from '@/lib/server/singleton';
import { evaluateDeploymentHealth, type HealthOutcome } from './evaluate-deployment-health';

type Slot = { rerun: boolean; done: Promise<HealthOutcome | null> };

// Shared by the route-handler bundle and the background workers of this process.
function slots(): Map<string, Slot> {
  return processSingleton('__warroomHealthSlots', () => new Map<string, Slot>());
}

async function runUntilQuiet(deploymentId: string, slot: Slot): Promise<HealthOutcome | null> {
  let outcome: HealthOutcome | null = null;
  try {
    do {
      slot.rerun = false;
      try {
        outcome = await evaluateDeploymentHealth(deploymentId);
      } catch (error) {
        // A failed evaluation leaves the stored state as it was; the next sample or tick retries.
        logger.error('health.evaluation_failed', { deploymentId, error: String((error as Error)?.message ?? error) });
      }
    } while (slot.rerun);
    return outcome;
  } finally {
    slots().delete(deploymentId);
  }
}

/**
 * Settles once every evaluation running now has finished: the samples the simulator and the
 * Prometheus polls record do not wait for theirs, so a stopping process waits here before it
 * lets go of the database.
 */
export async function evaluationsSettled(): Promise<void> {
  await Promise.allSettled([...slots().values()].map((slot) => slot.done));
}

export function requestEvaluation(deploymentId: string): Promise<HealthOutcome | null> {
  const existing = slots().get(deploymentId);
  if (existing) {
    existing.rerun = true;
    return existing.done;
  }
  const slot: Slot = { rerun: false, done: Promise.resolve(null) };
  slots().set(deploymentId, slot);
  slot.done = runUntilQuiet(deploymentId, slot);
  return slot.done;
}
