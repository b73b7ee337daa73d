/**
 * The report's "Redlines" section: every change to the runbook proposed during the run, and what
 * became of it — still open, accepted into version N of the template, or rejected and why.
 */
import { describeEvent, type TimelineEvent } from './event-log';
import { eventRows, table } from './report-table';

/** Changes to the runbook proposed during the run (redlines): the template's owners review them. */
export const REDLINE_EVENT_TYPES = ['redline.proposed'] as const;

/** A redline's review as it stands when the report is made. */
export type RedlineOutcome = {
  status: 'open' | 'accepted' | 'rejected';
  acceptedVersion: number | null;
  rejectReason: string | null;
  resolverName: string | null;
};

export function redlineOutcomeText(outcome: RedlineOutcome | undefined): string {
  if (!outcome || outcome.status === 'open') return 'Open: not reviewed yet';
  const by = outcome.resolverName ? ` by ${outcome.resolverName}` : '';
  if (outcome.status === 'accepted')
    return outcome.acceptedVersion ? `Accepted${by} in version ${outcome.acceptedVersion}` : `Accepted${by}`;
  return `Rejected${by}${outcome.rejectReason ? `: ${outcome.rejectReason}` : ''}`;
}

export function redlinesSection(
  goLiveAt: string,
  events: readonly TimelineEvent[],
  outcomes: Readonly<Record<string, RedlineOutcome>> = {},
): string[] {
  const list = events.filter((e) => (REDLINE_EVENT_TYPES as readonly string[]).includes(e.type));
  const out = ['## Redlines (changes proposed to the runbook)', ''];
  if (!list.length) return [...out, '_Nobody proposed a change to the runbook._'];
  const rows = eventRows(list, goLiveAt, describeEvent).map((cells, i) => {
    const id = (list[i].data as { redlineId?: unknown }).redlineId;
    return [...cells, redlineOutcomeText(typeof id === 'string' ? outcomes[id] : undefined)];
  });
  return [...out, ...table(['Time', 'Clock', 'Who', 'Proposal', 'Outcome'], rows)];
}
