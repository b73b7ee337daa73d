import { describe, expect, it } from 'vitest';
import { HEALTH_CHECK } from './check-fixtures';
import { judgeHttp, judgePrometheus, keepRuns, MAX_CHECK_RUNS, nextProgress } from './checks';

const HEALTH = HEALTH_CHECK;

describe('judging a run', () => {
  it('passes an HTTP answer with the status and the text it expects', () => {
    expect(judgeHttp(HEALTH, { ok: true, status: 200, body: '{"status":"ok"}' })).toEqual({
      ok: true,
      output: 'GET https://api.example.com/health → 200\n{"status":"ok"}',
    });
  });

  it('fails on another status, a body without the text, or no answer, saying which', () => {
    expect(judgeHttp(HEALTH, { ok: true, status: 503, body: 'down' })).toEqual({
      ok: false,
      output: 'GET https://api.example.com/health → 503, expected 200\ndown',
    });
    expect(judgeHttp(HEALTH, { ok: true, status: 200, body: 'degraded' }).output).toContain(
      'body does not contain "ok"',
    );
    expect(judgeHttp(HEALTH, { ok: false, error: 'connection refused' })).toEqual({
      ok: false,
      output: 'GET https://api.example.com/health: connection refused',
    });
  });

  it('compares a Prometheus reading, and fails on an empty result or an error', () => {
    const spec = { kind: 'prometheus', query: 'sum(rate(errors[5m]))', comparison: '<', value: 0.01 } as const;
    expect(judgePrometheus(spec, { ok: true, value: 0.002 })).toEqual({
      ok: true,
      output: 'sum(rate(errors[5m])) < 0.01: 0.002',
    });
    expect(judgePrometheus(spec, { ok: true, value: 0.5 }).ok).toBe(false);
    expect(judgePrometheus({ ...spec, comparison: '>' }, { ok: true, value: 0.5 }).ok).toBe(true);
    expect(judgePrometheus(spec, { ok: true, value: null }).output).toContain('no value');
    expect(judgePrometheus(spec, { ok: false, error: 'HTTP 502' }).ok).toBe(false);
  });
});

describe('the state of a check', () => {
  it('counts passes in a row up to passesNeeded, and starts over on a fail', () => {
    let progress = { state: 'waiting' as const, streak: 0 } as {
      state: 'waiting' | 'checking' | 'passing' | 'failing';
      streak: number;
    };
    const first = nextProgress(progress, true, 3);
    expect(first).toMatchObject({ state: 'checking', streak: 1, justPassed: false });
    const second = nextProgress(first, true, 3);
    expect(second).toMatchObject({ state: 'checking', streak: 2 });
    const third = nextProgress(second, true, 3);
    expect(third).toMatchObject({ state: 'passing', streak: 3, justPassed: true });
    expect(nextProgress(third, true, 3)).toMatchObject({ state: 'passing', streak: 4, justPassed: false });
    const failed = nextProgress(third, false, 3);
    expect(failed).toMatchObject({ state: 'failing', streak: 0, justFailed: true });
    expect(nextProgress(failed, false, 3).justFailed).toBe(false);
    progress = nextProgress(failed, true, 1);
    expect(progress).toMatchObject({ state: 'passing', streak: 1 });
  });

  it('keeps the last 20 runs, newest first', () => {
    let runs = [] as { at: string; ok: boolean; output: string }[];
    for (let n = 0; n < 25; n++) runs = keepRuns(runs, { at: String(n), ok: true, output: '' });
    expect(runs).toHaveLength(MAX_CHECK_RUNS);
    expect(runs[0].at).toBe('24');
    expect(runs.at(-1)!.at).toBe('5');
  });
});
