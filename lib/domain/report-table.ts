/** Markdown table helpers of the go-live report (lib/domain/report.ts) and its sections. */
import { formatRelative } from './clock';
import type { TimelineEvent } from './event-log';

export const DASH = '—';

/** One table cell: no pipes or line breaks may escape it and break the table. */
export function cell(value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return DASH;
  return (
    String(value)
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
      .replace(/\r?\n+/g, ' ')
      .trim() || DASH
  );
}

function row(values: (string | number | null | undefined)[]): string {
  return `| ${values.map(cell).join(' | ')} |`;
}

export function table(headers: string[], rows: (string | number | null | undefined)[][]): string[] {
  return [row(headers), `| ${headers.map(() => '---').join(' | ')} |`, ...rows.map(row)];
}

/** '2026-01-15 08:05:12Z': seconds matter in a post-mortem. */
export function stamp(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** Position on the go-live clock, as runbooks write it ('T-30m', 'T+1h 5m'). */
export function clockOf(iso: string, goLiveAt: string): string {
  return formatRelative((new Date(iso).getTime() - new Date(goLiveAt).getTime()) / 60_000);
}

/** Time, go-live clock, who, and what: the rows of the report's event tables. */
export function eventRows(events: TimelineEvent[], goLiveAt: string, describe: (e: TimelineEvent) => string) {
  return events.map((e) => [stamp(e.at), clockOf(e.at, goLiveAt), e.actor ?? 'system', describe(e)]);
}
