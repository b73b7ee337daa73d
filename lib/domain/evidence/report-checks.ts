/**
 * The report's "Checks" table: every step that had a check, what it checked, where it stood when
 * the report was written and its last run — so the post-mortem shows which steps proved
 * themselves and which were still failing or never ran.
 */
import { plural } from '../plural';
import { stamp, table } from '../report-table';

export type ReportCheck = {
  description: string;
  state: 'waiting' | 'checking' | 'passing' | 'failing';
  streak: number;
  passesNeeded: number;
  autoTick: boolean;
  lastRun: { at: string; ok: boolean; output: string } | null;
};

type Step = { title: string; roleKey: string; check?: ReportCheck | null };

const STATE_LABEL: Record<ReportCheck['state'], string> = {
  waiting: 'Waiting',
  checking: 'Checking',
  passing: 'Passing',
  failing: 'Failing',
};

/** The first line of a run's output, short enough for a table cell. */
function firstLine(output: string): string {
  const line = output.split('\n')[0]?.trim() ?? '';
  return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

export function checksSection(steps: readonly Step[], roleName: (key: string) => string): string[] {
  const checked = steps.filter((s): s is Step & { check: ReportCheck } => Boolean(s.check));
  const out = ['### Checks', ''];
  if (!checked.length) return [...out, '_No step had a check._'];
  const count = (state: ReportCheck['state']) => checked.filter((s) => s.check.state === state).length;
  out.push(
    `${plural(checked.length, 'step')} had a check: ${count('passing')} passing, ${count('failing')} failing, ${count('checking')} checking, ${count('waiting')} waiting.`,
    '',
  );
  const rows = checked.map(({ title, roleKey, check }) => [
    title,
    roleName(roleKey),
    `${check.description}${check.autoTick ? '' : ' (no autotick)'}`,
    check.state === 'checking' ? `Checking ${check.streak}/${check.passesNeeded}` : STATE_LABEL[check.state],
    check.lastRun ? `${check.lastRun.ok ? 'passed' : 'failed'} ${stamp(check.lastRun.at) ?? ''}`.trim() : 'never ran',
    check.lastRun ? firstLine(check.lastRun.output) : null,
  ]);
  return [...out, ...table(['Step', 'Role', 'Check', 'State', 'Last run', 'Output'], rows)];
}
