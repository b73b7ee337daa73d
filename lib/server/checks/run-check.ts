import {
  judgeHttp,
  judgePrometheus,
  MAX_RUN_OUTPUT,
  type HttpCheckSpec,
  type PrometheusCheckSpec,
} from '@/lib/domain/checks';
import { guardedRequest } from '@/lib/server/egress';
import type { StoredPrometheusConfig } from '@/lib/server/metrics/configure-prometheus';
import { timeoutFor } from '@/lib/server/metrics/poll-prometheus';
import { queryPrometheus } from '@/lib/server/metrics/prometheus-client';
import { sql } from '@/lib/server/sql';

/** A probe answers within this, or the run fails: a check is a health endpoint, not a job. */
const HTTP_TIMEOUT_MS = 5_000;

/** One HTTP probe, through the egress guard (redirects are answers, the body is capped). */
export async function runHttpCheck(spec: HttpCheckSpec): Promise<{ ok: boolean; output: string }> {
  const answer = await guardedRequest({
    url: spec.url,
    method: spec.method,
    headers: { 'user-agent': 'war-room-check', accept: '*/*' },
    timeoutMs: HTTP_TIMEOUT_MS,
    maxResponseBytes: 64 * 1024,
    keepBody: true,
  });
  return judgeHttp(
    spec,
    answer.ok ? { ok: true, status: answer.status, body: answer.body } : { ok: false, error: answer.error },
  );
}

/** One instant query against the deployment's Prometheus source (the one its metrics poll). */
export async function runPrometheusCheck(
  deploymentId: string,
  spec: PrometheusCheckSpec,
): Promise<{ ok: boolean; output: string }> {
  const [source] = await sql<{ config: StoredPrometheusConfig }>`
    SELECT "config" FROM "MetricSource"
    WHERE "deploymentId" = ${deploymentId} AND "kind" = 'prometheus' AND "active" = true
    ORDER BY "createdAt" DESC LIMIT 1`;
  if (!source) return judgePrometheus(spec, { ok: false, error: 'this deployment has no Prometheus source' });
  const reading = await queryPrometheus(source.config.baseUrl, spec.query, Date.now(), timeoutFor(source.config));
  const judged = judgePrometheus(spec, reading);
  return { ...judged, output: judged.output.slice(0, MAX_RUN_OUTPUT) };
}
