import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next';

const ORIGIN = 'https://warroom.example';
/** Where a browser on our origin ends up after `location.assign(result)`. */
const landsOn = (result: string) => new URL(result, ORIGIN).origin;

describe('safeNextPath', () => {
  it.each([
    ['/deployments', '/deployments'],
    ['/deployments/abc?tab=timeline#item-3', '/deployments/abc?tab=timeline#item-3'],
    ['/status/ws_token', '/status/ws_token'],
    [`${ORIGIN}/templates`, '/templates'],
    // Percent-encoded backslash stays encoded in the path: harmless, same origin.
    ['/%5Cevil.example', '/%5Cevil.example'],
    // Same scheme without slashes is a relative path to a browser too.
    ['https:evil.example', '/evil.example'],
  ])('keeps the same-origin path %j', (next, expected) => {
    expect(safeNextPath(next, ORIGIN)).toBe(expected);
  });

  it.each([
    '//evil.example',
    '//evil.example/path',
    '/\\evil.example',
    '\\\\evil.example',
    '/\\/evil.example',
    'https://evil.example',
    'http://evil.example/deployments',
    'HTTPS://evil.example',
    '//evil.example@warroom.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '\t//evil.example',
    '/.//evil.example',
    '/./\\evil.example',
    'http://[::1]/',
    'http://warroom.example:8443/',
    'http://warroom.example/',
  ])('sends the hostile %j to /', (next) => {
    const result = safeNextPath(next, ORIGIN);
    expect(result).toBe('/');
    expect(landsOn(result)).toBe(ORIGIN);
  });

  it.each([undefined, null, '', 42, ['/deployments']])('sends a missing or odd value %j to /', (next) => {
    expect(safeNextPath(next, ORIGIN)).toBe('/');
  });

  it('never yields a path a browser would read as another host', () => {
    const pieces = ['/', '\\', '//', '/.', '%2F', '%5C', '\t', '\n', 'evil.example', ':', '@', '?', '#', 'javascript:'];
    for (const a of pieces)
      for (const b of pieces)
        for (const c of pieces) {
          const result = safeNextPath(a + b + c, ORIGIN);
          expect(result.startsWith('/') && !result.startsWith('//'), JSON.stringify(a + b + c)).toBe(true);
          expect(landsOn(result), JSON.stringify(a + b + c)).toBe(ORIGIN);
        }
  });

  it('defaults to an origin of its own', () => {
    expect(safeNextPath('/templates')).toBe('/templates');
    expect(safeNextPath('//evil.example')).toBe('/');
  });
});
