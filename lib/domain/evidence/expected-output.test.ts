import { describe, expect, it } from 'vitest';
import { compareWithExpected } from './expected-output';

const check = (expected: string | null, output: string | null) => compareWithExpected(expected, output);

describe('compareWithExpected: literal text', () => {
  it('matches text the output contains, whatever the case and spacing', () => {
    expect(check('Applied 1 migration', 'Running…\nAPPLIED 1  migration\nDone')).toMatchObject({ match: 'match' });
    expect(check('deployment.apps/payments-canary scaled', 'deployment.apps/payments-canary scaled\n').match).toBe(
      'match',
    );
    expect(check('weight: 10', 'Name: payments\nweight:10\nstatus: Healthy').match).toBe('match');
  });

  it('says mismatch, with the expected text, when the output lacks it', () => {
    const result = check('Applied 1 migration', 'Applied 2 migrations');
    expect(result).toEqual({ match: 'mismatch', reason: 'Output does not contain “Applied 1 migration”' });
  });

  it('matches whole words only: "t" is not in "state", "42 passed" is not "142 passed"', () => {
    expect(check('t', ' indisvalid\n------------\n t\n(1 row)').match).toBe('match');
    expect(check('t', ' indisvalid\n------------\n f\n(1 row)').match).toBe('mismatch');
    expect(check('42 passed', 'Tests: 142 passed, 142 total').match).toBe('mismatch');
    expect(check('42 passed', 'Tests: 42 passed, 42 total').match).toBe('match');
  });

  it('ignores the ticks runbooks put after the text, a leading "Expected:" and backticks', () => {
    expect(check('# Expected: tag-cli v1.0.0 ✅', 'tag-cli v1.0.0').match).toBe('match');
    expect(check('`200 OK`', 'HTTP/1.1 200 OK').match).toBe('match');
  });

  it('compares JSON without caring about spaces, and parts separated by ", " one by one', () => {
    expect(check('{"status": "healthy"}', '{ "status" :"healthy" }').match).toBe('match');
    expect(check('200 OK, {"status": "healthy"}', 'HTTP/1.1 200 OK\n\n{"status":"healthy"}').match).toBe('match');
    expect(check('200 OK, {"status": "healthy"}', 'HTTP/1.1 200 OK\n\n{"status":"degraded"}').match).toBe('mismatch');
  });

  it('says unknown for a description in words rather than output', () => {
    const result = check('Dashboards show every service as healthy and green', 'all good');
    expect(result.match).toBe('unknown');
    expect(result.reason).toMatch(/compare by eye/);
  });

  it('requires every line of a multi-line expected output', () => {
    expect(check('Applied 1 migration\nDone', 'Applied 1 migration\nDone in 2s').match).toBe('match');
    expect(check('Applied 1 migration\nDone', 'Applied 1 migration\nFailed').match).toBe('mismatch');
  });

  it('strips terminal colours before comparing', () => {
    expect(check('42 passed', '\x1b[32m42 passed\x1b[0m').match).toBe('match');
  });
});

describe('compareWithExpected: numbers with a comparison and a unit', () => {
  it('reads a psql interval after its label (lag < 00:00:01)', () => {
    const out = '       lag       \n-----------------\n 00:00:00.012345\n(1 row)\n';
    expect(check('lag < 00:00:01', out)).toEqual({ match: 'match', reason: 'lag is 00:00:00.012345: < 00:00:01' });
    expect(check('lag < 00:00:01', '       lag\n---------\n 00:00:04.5\n(1 row)').match).toBe('mismatch');
  });

  it('converts units: p95 < 200ms holds for 0.143s and not for 340ms', () => {
    expect(check('p95 < 200ms', 'p50=40ms p95=0.143s p99=0.4s').match).toBe('match');
    const slow = check('p95 < 200ms', 'p50=40ms p95=340ms p99=900ms');
    expect(slow).toEqual({ match: 'mismatch', reason: 'p95 is 340ms: not < 200ms' });
  });

  it('finds a label written with underscores or dashes (error rate < 0.1%)', () => {
    expect(check('error rate < 0.1%', 'error_rate: 0.05%\nrequests: 120000').match).toBe('match');
    expect(check('error rate < 0.1%', 'Error-Rate = 0.4 %').match).toBe('mismatch');
  });

  it('counts nouns: > 0 rows', () => {
    expect(check('> 0 rows', ' count\n-------\n(150,000 rows)').match).toBe('match');
    expect(check('> 0 rows', '(0 rows)')).toEqual({ match: 'mismatch', reason: 'rows is 0 rows: not > 0 rows' });
    expect(check('> 0 rows', 'nothing to see').match).toBe('unknown');
  });

  it('reads words for comparisons (under, at least, within)', () => {
    expect(check('at least 3 pods', 'ready: 3 pods').match).toBe('match');
    expect(check('at least 3 pods', 'ready: 2 pods').match).toBe('mismatch');
    expect(check('Responds within 100 ms', 'Responds in 87 ms').match).toBe('match');
    expect(check('latency under 1 s', 'latency 1200 ms').match).toBe('mismatch');
  });

  it('takes a bare number after the label in the bound’s unit', () => {
    expect(check('lag < 1 s', 'lag 0.25').match).toBe('match');
    expect(check('lag < 1 s', 'lag 3').match).toBe('mismatch');
  });

  it('falls back to the first value of the same unit when the label is absent', () => {
    expect(check('p95 < 200ms', 'took 150ms').match).toBe('match');
  });

  it('wants the literal part of a label with a number in it (Applied 1 migration in < 60 s)', () => {
    expect(check('Applied 1 migration in < 60 s', 'Applied 1 migration in 2.3s').match).toBe('match');
    expect(check('Applied 1 migration in < 60 s', 'Applied 1 migration in 75 s').match).toBe('mismatch');
    expect(check('Applied 1 migration in < 60 s', 'Applied 3 migrations in 2 s')).toEqual({
      match: 'mismatch',
      reason: 'Output does not say “Applied 1 migration”',
    });
  });

  it('judges several bounds on one line', () => {
    const expected = 'p95 < 200ms and error rate < 1%';
    expect(check(expected, 'p95 120ms, error rate 0.2%').match).toBe('match');
    expect(check(expected, 'p95 120ms, error rate 3%').reason).toBe('error rate is 3%: not < 1%');
  });

  it('says unknown when no value of the unit is in the output', () => {
    const result = check('p95 < 200ms', 'all fine');
    expect(result.match).toBe('unknown');
  });
});

describe('compareWithExpected: non-zero and no errors', () => {
  it('non-zero: the first number (or the named one) is not 0', () => {
    expect(check('A non-zero table-of-contents count', '   1834\n')).toEqual({
      match: 'match',
      reason: 'Found 1834: non-zero',
    });
    expect(check('A non-zero table-of-contents count', '0').match).toBe('mismatch');
    expect(check('non-zero rows', 'scanned 12 files, 0 rows').match).toBe('mismatch');
    expect(check('non-zero', 'empty').match).toBe('unknown');
  });

  it('no errors: a line naming an error is a mismatch, one saying there are none is not', () => {
    expect(check('No errors', 'Compiled 12 files\n0 errors, 0 warnings\nerrors: 0').match).toBe('match');
    const failed = check('No errors', 'Compiled 12 files\nERROR: relation "x" does not exist');
    expect(failed).toEqual({
      match: 'mismatch',
      reason: 'Line 2 reports a problem: “ERROR: relation "x" does not exist”',
    });
    expect(check('no failures', 'Tests: 1 failed, 41 passed').match).toBe('mismatch');
    expect(check('No errors', 'error_rate 0.00').match).toBe('match');
  });
});

describe('compareWithExpected: regular expressions', () => {
  it('runs a pattern written /…/ with flags', () => {
    expect(check('/applied \\d+ migrations?/i', 'Applied 12 migrations')).toMatchObject({ match: 'match' });
    expect(check('/^ok$/m', 'status\nok\n').match).toBe('match');
    expect(check('/^ok$/', 'status\nok\n').match).toBe('mismatch');
  });

  it('says unknown for an invalid pattern or one RE2 does not support', () => {
    expect(check('/(unclosed/', 'x')).toMatchObject({ match: 'unknown', reason: expect.stringMatching(/not a valid/) });
    expect(check('/(a)\\1/', 'aa').match).toBe('unknown');
    expect(check('/(?=a)a/', 'a').match).toBe('unknown');
    expect(check('/ok/g', 'ok').match).toBe('unknown');
    expect(check(`/${'a'.repeat(1001)}/`, 'a').match).toBe('unknown');
  });

  it('never backtracks: catastrophic patterns finish on long hostile output', () => {
    const hostile = `${'a'.repeat(200_000)}!`;
    expect(check('/(a+)+!$/', hostile).match).toBe('match');
    expect(check('/^(a+)+b$/', hostile).match).toBe('mismatch');
    expect(check('/(a|aa)*c/', hostile).match).toBe('mismatch');
    expect(check('/((a{100}){100}){100}/', 'a').match).toBe('unknown');
  });
});

describe('compareWithExpected: hostile and empty input', () => {
  it('says unknown without an expected output or without pasted text', () => {
    expect(check(null, 'anything')).toEqual({
      match: 'unknown',
      reason: 'This step has no expected output to compare with',
    });
    expect(check('  \n ', 'anything').match).toBe('unknown');
    expect(check('ok', '   ').match).toBe('unknown');
    expect(check('ok', null).match).toBe('unknown');
  });

  it('stays linear on 256 KB of repetitive text for every form', () => {
    const spaces = ' '.repeat(256 * 1024);
    const digits = '1'.repeat(256 * 1024);
    const words = 'lag lag lag '.repeat(20_000);
    for (const expected of ['lag < 00:00:01', 'No errors', 'non-zero', 'a b c d e', '> 0 rows', 'p95 < 200ms'])
      for (const output of [spaces, digits, words, `${'1,'.repeat(100_000)}x`, `${'a '.repeat(100_000)}`])
        expect(['match', 'mismatch', 'unknown']).toContain(check(expected, output).match);
  });

  it('keeps the reason to one short line', () => {
    const result = check('x'.repeat(3000), 'y');
    expect(result.reason).not.toMatch(/\n/);
    expect(result.reason.length).toBeLessThanOrEqual(240);
  });
});
