/**
 * The report's "Evidence" section: every piece of evidence per step, with its result and why, so
 * the post-mortem and the audit folder show which ticks were proven and which were not.
 */
import { plural } from '../plural';
import { stamp, table } from '../report-table';
import type { EvidenceMatch } from './expected-output';
import { MATCH_LABEL } from './proof';
import { describeRedaction } from './redact';

export type ReportEvidence = {
  match: EvidenceMatch;
  reason: string;
  source: string;
  url: string | null;
  by: string | null;
  at: string;
  redacted: number;
  redactedKinds: readonly string[];
};

/** Who proved it: a person pasting or linking, the step's own check, or a CI job. */
export const SOURCE_LABEL: Record<string, string> = { manual: 'person', check: 'check', ci: 'CI' };
const PROVEN_BY: Record<string, string> = { check: 'a check', ci: 'CI', manual: 'a person' };

type Step = {
  title: string;
  roleKey: string;
  status: string;
  evidence?: readonly ReportEvidence[];
  evidenceCount?: number;
  /** Who ticked it: for a mismatch, who accepted it anyway. */
  updatedBy?: string | null;
};

export function evidenceSection(steps: readonly Step[], roleName: (key: string) => string): string[] {
  const out = ['## Evidence', ''];
  const withEvidence = steps.filter((s) => s.evidence?.length);
  const done = steps.filter((s) => s.status === 'done');
  const provenSteps = done.filter((s) => s.evidence?.[0]?.match === 'match');
  const proven = provenSteps.length;
  const bySource = Object.entries(PROVEN_BY)
    .map(([source, who]) => [provenSteps.filter((s) => s.evidence![0].source === source).length, who] as const)
    .filter(([n]) => n > 0)
    .map(([n, who]) => `${n} by ${who}`);
  const mismatchedSteps = done.filter((s) => s.evidence?.[0]?.match === 'mismatch');
  const mismatched = mismatchedSteps.length;
  const acceptedBy = [...new Set(mismatchedSteps.flatMap((s) => (s.updatedBy ? [s.updatedBy] : [])))];
  out.push(
    `${proven} of ${plural(done.length, 'done step')} proven by matching evidence${bySource.length ? ` (${bySource.join(', ')})` : ''}; ${mismatched} ticked with evidence that did not match${acceptedBy.length ? `, accepted by ${acceptedBy.join(', ')}` : ''}.`,
    '',
  );
  if (!withEvidence.length) return [...out, '_No evidence was attached._'];
  const rows = withEvidence.flatMap((step) => {
    const list = step.evidence ?? [];
    const more = (step.evidenceCount ?? list.length) - list.length;
    return list.map((e, i) => [
      i === 0 ? `${step.title}${more > 0 ? ` (latest ${list.length} of ${list.length + more})` : ''}` : '↳',
      roleName(step.roleKey),
      MATCH_LABEL[e.match],
      e.reason,
      SOURCE_LABEL[e.source] ?? e.source,
      e.by,
      stamp(e.at),
      [e.url, e.redacted ? describeRedaction(e.redacted, e.redactedKinds) : null].filter(Boolean).join(' · ') || null,
    ]);
  });
  return [...out, ...table(['Step', 'Role', 'Result', 'Why', 'Source', 'By', 'When', 'Link / redacted'], rows)];
}
