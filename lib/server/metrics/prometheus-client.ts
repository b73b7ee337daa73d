/**
 * A real HTTP client for Prometheus' instant-query API, through the egress guard. Every failure
 * becomes words for the IC ("no answer from prometheus:9090 within 3000 ms", "connection refused
 * by prometheus:9090", "HTTP 502 from …") rather than an exception, because a failing source is a
 * state to show, not a crash. A refused target says only why ("refused by the egress guard: …"):
 * everyone in the war room reads the source's error.
 */

import {
  parsePrometheusResponse,
  prometheusQueryUrl,
  type PrometheusReading,
} from '@/lib/domain/metrics/prometheus-response';
import { guardedRequest, type OutboundFailure } from '@/lib/server/egress';

/** Prometheus answers one number in a few hundred bytes; anything near this is not Prometheus. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

function describeFailure(failure: OutboundFailure, url: URL, timeoutMs: number): string {
  switch (failure.kind) {
    case 'timeout':
      return `no answer from ${url.host} within ${timeoutMs} ms`;
    case 'connection_refused':
      return `connection refused by ${url.host}`;
    case 'not_found':
      return `cannot resolve ${url.hostname}`;
    case 'refused':
    case 'invalid_url':
    case 'too_large':
      return failure.error;
    default:
      return `cannot reach ${url.host}: ${failure.error}`;
  }
}

/** One instant query evaluated at `atMs`. */
export async function queryPrometheus(
  baseUrl: string,
  query: string,
  atMs: number,
  timeoutMs: number,
): Promise<PrometheusReading> {
  const url = new URL(prometheusQueryUrl(baseUrl, query, atMs));
  const answer = await guardedRequest({
    url,
    method: 'GET',
    headers: { accept: 'application/json' },
    timeoutMs,
    maxResponseBytes: MAX_RESPONSE_BYTES,
    keepBody: true,
  });
  if (!answer.ok) return { ok: false, error: describeFailure(answer, url, timeoutMs) };
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return { ok: false, error: `HTTP ${answer.status} from ${url.host}, not a Prometheus answer` };
  }
  // Prometheus answers bad queries with 400 and a JSON error worth passing on.
  const reading = parsePrometheusResponse(body);
  const ok = answer.status >= 200 && answer.status < 300;
  if (!ok && reading.ok) return { ok: false, error: `HTTP ${answer.status} from ${url.host}` };
  return reading;
}
