import { describe, expect, it } from 'vitest';
import { checkEvidenceWritable, excerpt, isHttpUrl, mismatchesOf, proofOf, proofSummary } from './proof';

const ev = (match: 'match' | 'mismatch' | 'unknown', at: string) => ({ match, at });
const item = (id: string, evidence: ReturnType<typeof ev>[], children: never[] = []) => ({
  id,
  title: `Step ${id}`,
  roleKey: 'dba',
  status: 'done',
  evidence,
  children,
});

describe('evidence proof', () => {
  it('lets the latest evidence decide what an item shows', () => {
    expect(proofOf(undefined)).toBe('none');
    expect(proofOf([])).toBe('none');
    expect(proofOf([ev('mismatch', '2'), ev('match', '1')])).toBe('mismatch');
    expect(proofOf([ev('match', '2'), ev('mismatch', '1')])).toBe('match');
  });

  it('lists every mismatch for the IC, newest first, settled ones marked', () => {
    const phases = [
      { items: [item('a', [ev('match', '2026-01-01T00:03Z'), ev('mismatch', '2026-01-01T00:01Z')])] },
      { items: [item('b', [ev('mismatch', '2026-01-01T00:02Z')]), item('c', [ev('unknown', '2026-01-01T00:04Z')])] },
    ];
    expect(mismatchesOf(phases).map((m) => [m.item.id, m.superseded])).toEqual([
      ['b', false],
      ['a', true],
    ]);
  });

  it('closes evidence when the deployment is finished, not before', () => {
    expect(checkEvidenceWritable('in_progress')).toEqual({ ok: true });
    expect(checkEvidenceWritable('completed')).toMatchObject({ ok: false, message: expect.stringMatching(/note/) });
  });

  it('takes http and https links only', () => {
    expect(isHttpUrl('https://ci.example.com/run/1')).toBe(true);
    expect(isHttpUrl('http://grafana:3000/d/x')).toBe(true);
    expect(isHttpUrl('javascript:alert(1)')).toBe(false);
    expect(isHttpUrl('ftp://x')).toBe(false);
    expect(isHttpUrl('not a url')).toBe(false);
  });

  it('cuts an excerpt without splitting a character in two', () => {
    expect(excerpt('abc', 5)).toEqual({ text: 'abc', truncated: false });
    expect(excerpt('ab😀cd', 3)).toEqual({ text: 'ab', truncated: true });
  });
});

describe('proofSummary', () => {
  const step = (status: string, matches: ('match' | 'mismatch' | 'unknown')[] = [], children: unknown[] = []) => ({
    status,
    evidence: matches.map((match) => ({ match })),
    children: children as never[],
  });
  it('counts the done steps, sub-steps too, by their latest evidence', () => {
    const phases = [
      {
        items: [
          step('done', ['match']),
          step('done', ['mismatch', 'match']),
          step('done', ['unknown']),
          step('done', [], [step('done', ['match']), step('pending', ['match'])]),
          step('pending', ['mismatch']),
        ],
      },
    ];
    expect(proofSummary(phases)).toEqual({ done: 5, proven: 2, unproven: 2, mismatched: 1 });
  });
});
