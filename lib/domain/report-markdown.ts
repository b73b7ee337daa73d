/** Markdown pieces of the go-live report (lib/domain/report.ts): table cells that cannot break out, times. */

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
