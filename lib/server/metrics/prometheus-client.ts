/**
 * A real HTTP client for Prometheus' instant-query API. Every failure becomes words for the IC
 * ("no answer within 3000 ms", "connection refused by prometheus:9090", "HTTP 502") rather than an
 * exception, because a failing source is a state to show, not a crash.
 */

import { readLimited } from '@/lib/server/http/read-limited';
import { parsePrometheusResponse, prometheusQueryUrl, type PrometheusReading } from '@/lib/domain/metrics/prometheus-response';

/** Prometheus answers one number in a few hundred bytes; anything near this is not Prometheus. */
const MAX_RESPONSE_BYTES = 1024 * 1024;

function describeFailure(error: unknown, url: URL, timeoutMs: number): string {
  const err = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError') return `no answer from ${url.host} within ${timeoutMs} ms`;
  const code = err?.cause?.code;
  if (code === 'ECONNREFUSED') return `connection refused by ${url.host}`;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `cannot resolve ${url.hostname}`;
  return `cannot reach ${url.host}: ${err?.cause?.message ?? err?.message ?? String(error)}`;
}

/** One instant query evaluated at `atMs`. */
export async function queryPrometheus(baseUrl: string, query: string, atMs: number, timeoutMs: number): Promise<PrometheusReading> {
  const url = new URL(prometheusQueryUrl(baseUrl, query, atMs));
  let response: Response;
  let text: string;
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    response = await fetch(url, { headers: { accept: 'application/json' }, signal, redirect: 'error', cache: 'no-store' });
    text = await readLimited(response.body, MAX_RESPONSE_BYTES, () => new Error('response larger than 1 MB'));
  } catch (error) {
    return { ok: false, error: describeFailure(error, url, timeoutMs) };
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, error: `HTTP ${response.status} from ${url.host}, not a Prometheus answer` };
  }
  // Prometheus answers bad queries with 400 and a JSON error worth passing on.
  const reading = parsePrometheusResponse(body);
  if (!response.ok && reading.ok) return { ok: false, error: `HTTP ${response.status} from ${url.host}` };
  return reading;
}
