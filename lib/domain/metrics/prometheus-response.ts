/**
 * Reading the answer of Prometheus' instant-query API (`GET /api/v1/query`) into one number per
 * query. Pure, so every shape Prometheus can answer with is unit-tested without a server.
 *
 * One query feeds one series, so it must come back as a single value: a scalar, or a vector with
 * exactly one element. A vector of several series is a configuration mistake (the query should
 * aggregate, e.g. `sum(rate(...))`), and saying so beats silently charting one arbitrary series.
 */

export type PrometheusReading = { ok: true; value: number | null } | { ok: false; error: string };

type Sample = [number | string, string];

function isSample(value: unknown): value is Sample {
  return Array.isArray(value) && value.length === 2 && typeof value[1] === 'string';
}

/** "NaN" (e.g. 0/0 errors per request when there is no traffic) and infinities mean "no reading". */
function toNumber(text: string): number | null {
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

export function parsePrometheusResponse(body: unknown): PrometheusReading {
  if (!body || typeof body !== 'object')
    return { ok: false, error: 'Prometheus answered with something that is not JSON.' };
  const { status, data, error, errorType } = body as {
    status?: unknown;
    data?: unknown;
    error?: unknown;
    errorType?: unknown;
  };
  if (status !== 'success') {
    const why = typeof error === 'string' && error ? error : 'unknown error';
    return {
      ok: false,
      error: `Prometheus refused the query (${typeof errorType === 'string' ? `${errorType}: ` : ''}${why}).`,
    };
  }
  const { resultType, result } = (data ?? {}) as { resultType?: unknown; result?: unknown };
  if (resultType === 'scalar') {
    return isSample(result)
      ? { ok: true, value: toNumber(result[1]) }
      : { ok: false, error: 'Prometheus sent a malformed scalar.' };
  }
  if (resultType === 'vector') {
    if (!Array.isArray(result)) return { ok: false, error: 'Prometheus sent a malformed vector.' };
    if (result.length === 0) return { ok: true, value: null };
    if (result.length > 1) {
      return {
        ok: false,
        error: `The query returned ${result.length} series; aggregate it to one (for example with sum(…) or max(…)).`,
      };
    }
    const sample = (result[0] as { value?: unknown })?.value;
    return isSample(sample)
      ? { ok: true, value: toNumber(sample[1]) }
      : { ok: false, error: 'Prometheus sent a malformed vector sample.' };
  }
  return {
    ok: false,
    error: `The query returned a ${String(resultType)}; use an instant query that yields one number.`,
  };
}

/** The instant-query URL for `query` at `atMs`, against a base URL with or without a path prefix. */
export function prometheusQueryUrl(baseUrl: string, query: string, atMs: number): string {
  const url = new URL(baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`);
  const target = new URL('api/v1/query', url);
  target.searchParams.set('query', query);
  target.searchParams.set('time', (atMs / 1000).toFixed(3));
  return target.toString();
}
