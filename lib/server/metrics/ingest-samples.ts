/**
 * `POST /api/deployments/:id/metrics`: a pipeline or script pushes a batch of samples. Samples are
 * not events (a go-live at 1 Hz would bury the timeline): they are stored, streamed to open charts,
 * and judged by the health engine, whose level changes are the events.
 */

import type { PushSamplesInput } from '@/lib/schemas/metrics';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { authorize } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { ensureNotFinished } from '@/lib/server/lifecycle/lifecycle-facts';
import { requestEvaluation } from './health-scheduler';
import { streamSamples } from './live-stream';
import { storeSamples, type IncomingSample } from './store-samples';

/** Clocks drift, but a sample from the future would block every real one until then. */
export const MAX_FUTURE_SKEW_MS = 5 * 60_000;

export type IngestResult = { accepted: number; duplicates: number; health: { level: number; changed: boolean } | null };

/** Stores samples for a deployment that is known to exist, then streams and judges them. */
export async function recordSamples(
  deploymentId: string,
  samples: readonly IncomingSample[],
  units: Record<string, string> = {},
  options: { awaitHealth?: boolean } = {},
) {
  const { inserted } = await storeSamples(deploymentId, samples, units);
  streamSamples(deploymentId, samples);
  const health = requestEvaluation(deploymentId);
  if (options.awaitHealth) return { inserted, health: await health };
  void health;
  return { inserted, health: null };
}

export async function ingestSamples(
  actor: SignedInActor,
  deploymentId: string,
  input: PushSamplesInput,
): Promise<IngestResult> {
  const access = await authorize(actor, 'metrics.push', deploymentId);
  ensureNotFinished(access.deployment, 'it no longer takes metrics.');
  const latest = Date.now() + MAX_FUTURE_SKEW_MS;
  const future = input.samples.findIndex((s) => s.ts > latest);
  if (future >= 0) {
    throw new AppError(
      'invalid_body',
      `samples.${future}.ts: ${new Date(input.samples[future].ts).toISOString()} is more than 5 minutes in the future; check the sender's clock.`,
    );
  }
  const { inserted, health } = await recordSamples(deploymentId, input.samples, input.units ?? {}, {
    awaitHealth: true,
  });
  return {
    accepted: input.samples.length,
    duplicates: input.samples.length - inserted,
    health: health ? { level: health.level, changed: health.changed } : null,
  };
}
