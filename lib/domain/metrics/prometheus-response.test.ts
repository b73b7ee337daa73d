import { describe, expect, it } from 'vitest';
import { parsePrometheusResponse, prometheusQueryUrl } from './prometheus-response';

const vector = (...values: string[]) => ({
  status: 'success',
  data: {
    resultType: 'vector',
    result: values.map((v, i) => ({ metric: { instance: `i${i}` }, value: [1767225600.5, v] })),
  },
});

describe('parsePrometheusResponse', () => {
  it('reads a one-element vector and a scalar', () => {
    expect(parsePrometheusResponse(vector('12.5'))).toEqual({ ok: true, value: 12.5 });
    expect(
      parsePrometheusResponse({ status: 'success', data: { resultType: 'scalar', result: [1767225600, '3'] } }),
    ).toEqual({ ok: true, value: 3 });
  });

  it('treats an empty vector and NaN / Inf as "no reading", not as a failure', () => {
    expect(parsePrometheusResponse(vector())).toEqual({ ok: true, value: null });
    expect(parsePrometheusResponse(vector('NaN'))).toEqual({ ok: true, value: null });
    expect(parsePrometheusResponse(vector('+Inf'))).toEqual({ ok: true, value: null });
  });

  it('refuses several series with advice to aggregate', () => {
    const result = parsePrometheusResponse(vector('1', '2'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/2 series.*sum/);
  });

  it("passes on Prometheus' own error and rejects other result types and junk", () => {
    const refused = parsePrometheusResponse({ status: 'error', errorType: 'bad_data', error: 'parse error at char 3' });
    expect(refused).toEqual({ ok: false, error: 'Prometheus refused the query (bad_data: parse error at char 3).' });
    expect(parsePrometheusResponse({ status: 'success', data: { resultType: 'matrix', result: [] } }).ok).toBe(false);
    expect(parsePrometheusResponse('<html>').ok).toBe(false);
    expect(parsePrometheusResponse(null).ok).toBe(false);
    expect(
      parsePrometheusResponse({ status: 'success', data: { resultType: 'vector', result: [{ value: [1] }] } }).ok,
    ).toBe(false);
  });
});

describe('prometheusQueryUrl', () => {
  it('builds the instant-query URL with the evaluation time in seconds', () => {
    const url = new URL(prometheusQueryUrl('http://127.0.0.1:9090', 'sum(rate(x[1m]))', 1767225600123));
    expect(url.pathname).toBe('/api/v1/query');
    expect(url.searchParams.get('query')).toBe('sum(rate(x[1m]))');
    expect(url.searchParams.get('time')).toBe('1767225600.123');
  });

  it('keeps a path prefix (Prometheus behind a proxy)', () => {
    expect(new URL(prometheusQueryUrl('https://mon.example/prom', 'up', 0)).pathname).toBe('/prom/api/v1/query');
    expect(new URL(prometheusQueryUrl('https://mon.example/prom/', 'up', 0)).pathname).toBe('/prom/api/v1/query');
  });
});
