import { describe, expect, it } from 'vitest';
import { HEALTH_CHECK } from './check-fixtures';
import { checkLineBody, formatCheckLine, parseCheckLine, readCheckLine, takeCheckLines } from './check-lines';

const HEALTH = HEALTH_CHECK;

describe('Check: lines in a runbook', () => {
  it('reads an HTTP check with → or ->, its status and the text the body contains', () => {
    expect(parseCheckLine('GET https://api.example.com/health → 200 contains "ok"')).toEqual(HEALTH);
    expect(parseCheckLine('GET https://api.example.com/health -> 200 contains "ok"')).toEqual(HEALTH);
    expect(parseCheckLine('head https://example.com/ → 204')).toEqual({
      kind: 'http',
      url: 'https://example.com/',
      method: 'HEAD',
      expectStatus: 204,
      expectBodyContains: null,
    });
    expect(parseCheckLine('GET https://example.com/ready')).toMatchObject({ expectStatus: 200 });
  });

  it('reads a Prometheus comparison and a ci check', () => {
    expect(parseCheckLine('prometheus sum(rate(http_errors_total[5m])) < 0.01')).toEqual({
      kind: 'prometheus',
      query: 'sum(rate(http_errors_total[5m]))',
      comparison: '<',
      value: 0.01,
    });
    expect(parseCheckLine('prometheus up{job="api"} > 0')).toMatchObject({ query: 'up{job="api"}', value: 0 });
    expect(parseCheckLine('ci')).toEqual({ kind: 'ci' });
    expect(parseCheckLine('CI')).toEqual({ kind: 'ci' });
  });

  it('reads nothing it cannot run', () => {
    expect(parseCheckLine('GET not-a-url → 200')).toBeNull();
    expect(parseCheckLine('ftp://example.com')).toBeNull();
    expect(parseCheckLine('prometheus up = 1')).toBeNull();
    expect(parseCheckLine('look at the dashboard')).toBeNull();
  });

  it('finds the line and writes back what it read', () => {
    expect(checkLineBody('  Check: ci')).toBe('ci');
    expect(checkLineBody('Checks pass')).toBeNull();
    for (const line of [
      'Check: GET https://api.example.com/health → 200 contains "ok"',
      'Check: POST https://example.com/hook → 202',
      'Check: prometheus sum(rate(http_errors_total[5m])) < 0.01',
      'Check: ci',
    ]) {
      expect(formatCheckLine(parseCheckLine(checkLineBody(line)!)!)).toBe(line);
    }
  });
});

describe('Check: lines with how often and how strictly', () => {
  it('reads every, passes and autotick after commas, in any order', () => {
    expect(parseCheckLine('GET https://api.example.com/health → 200 contains "ok", every 30s, 3 passes')).toEqual({
      ...HEALTH,
      intervalSec: 30,
      passesNeeded: 3,
    });
    expect(parseCheckLine('prometheus sum(rate(http_errors_total[5m])) < 0.01; no autotick, every 2m')).toEqual({
      kind: 'prometheus',
      query: 'sum(rate(http_errors_total[5m]))',
      comparison: '<',
      value: 0.01,
      intervalSec: 120,
      autoTick: false,
    });
    expect(parseCheckLine('ci, 1 pass, no auto-tick')).toEqual({ kind: 'ci', autoTick: false });
    expect(parseCheckLine('GET https://example.com/ → 204, 2 passes in a row, every 45 seconds')).toMatchObject({
      passesNeeded: 2,
      intervalSec: 45,
    });
  });

  it('leaves out what equals the defaults, so a round trip reads back the same', () => {
    expect(parseCheckLine('ci, every 10s, 1 pass, autotick')).toEqual({ kind: 'ci' });
  });

  it('says why it cannot read a line', () => {
    expect(readCheckLine('GET https://example.com/, every 2h')).toMatchObject({ ok: false });
    expect(readCheckLine('GET https://example.com/, every 7200s')).toEqual({
      ok: false,
      reason: '"every 7200s" is not between 1 s and 1 hour',
    });
    expect(readCheckLine('ci, 30 passes')).toEqual({ ok: false, reason: '"30 passes" is not between 1 and 20' });
    expect(readCheckLine('ci, every 5s, every 6s')).toEqual({ ok: false, reason: 'it says every twice' });
    // Without its comma an option is part of the check, which then is no check.
    expect(readCheckLine('GET https://example.com/ every 30s')).toMatchObject({ ok: false });
    expect((readCheckLine('curl the health endpoint') as { reason: string }).reason).toContain('none of');
  });

  it('writes the options back only where they differ from the defaults', () => {
    for (const line of [
      'Check: GET https://api.example.com/health → 200 contains "ok", every 30s, 3 passes, no autotick',
      'Check: prometheus up{job="api"} > 0, every 5m',
      'Check: ci, no autotick',
    ]) {
      expect(formatCheckLine(parseCheckLine(checkLineBody(line)!)!)).toBe(line);
    }
  });

  it('takes the check lines out of a paragraph and keeps the offsets of those it could not read', () => {
    const taken = takeCheckLines('Expected: ok\nCheck: ci, 0 passes\nCheck: GET https://example.com/ → 200');
    expect(taken).toMatchObject({
      rest: 'Expected: ok',
      found: true,
      check: { kind: 'http', url: 'https://example.com/' },
      unreadable: [{ offset: 1, text: 'Check: ci, 0 passes', reason: '"0 passes" is not between 1 and 20' }],
    });
  });
});
