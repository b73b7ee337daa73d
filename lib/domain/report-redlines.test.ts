import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from './event-log';
import { redlineOutcomeText, redlinesSection } from './report-redlines';

const proposed = (seq: number, redlineId: string, reason: string): TimelineEvent =>
  ({
    seq,
    type: 'redline.proposed',
    at: '2026-01-15T08:10:00.000Z',
    actor: 'Dana DBA',
    data: { redlineId, kind: 'edit', title: 'Run migrations', reason },
  }) as unknown as TimelineEvent;

describe('the report’s redlines', () => {
  it('says what became of each: open, accepted in version N, rejected and why', () => {
    expect(redlineOutcomeText(undefined)).toBe('Open: not reviewed yet');
    expect(
      redlineOutcomeText({ status: 'accepted', acceptedVersion: 3, rejectReason: null, resolverName: 'Olive Owner' }),
    ).toBe('Accepted by Olive Owner in version 3');
    expect(
      redlineOutcomeText({ status: 'rejected', acceptedVersion: null, rejectReason: 'Not | ours', resolverName: null }),
    ).toBe('Rejected: Not | ours');

    const lines = redlinesSection(
      '2026-01-15T08:00:00.000Z',
      [proposed(1, 'a', 'lock wait'), proposed(2, 'b', 'typo')],
      { a: { status: 'rejected', acceptedVersion: null, rejectReason: 'Not | ours', resolverName: 'Olive Owner' } },
    );
    expect(lines[2]).toBe('| Time | Clock | Who | Proposal | Outcome |');
    // A pipe in a reason cannot break the table.
    expect(lines[4]).toMatch(/lock wait \| Rejected by Olive Owner: Not \\\| ours \|$/);
    expect(lines[5]).toMatch(/typo \| Open: not reviewed yet \|$/);
  });

  it('says so when nobody proposed anything', () => {
    expect(redlinesSection('2026-01-15T08:00:00.000Z', [])).toContain('_Nobody proposed a change to the runbook._');
  });
});
