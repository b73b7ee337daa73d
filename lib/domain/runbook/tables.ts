import type { Table } from 'mdast';
import { MAX_TABLE_ROWS } from './guards';
import { nodeLine, oneLine, plainText, truncate } from './text';

/**
 * GFM tables read as header + rows of plain cell text, and recognised by their header row:
 * sign-off tables become gates, team tables become roles, metric tables become rules.
 */

export { MAX_TABLE_ROWS } from './guards';

export type TableRow = { cells: string[]; line: number };
export type TableData = { headers: string[]; rows: TableRow[]; line: number; skippedRows: number };

export function readTable(node: Table): TableData {
  const [head, ...body] = node.children;
  const cellsOf = (row: Table['children'][number]) => row.children.map((cell) => oneLine(plainText(cell)));
  return {
    headers: head ? cellsOf(head).map((h) => h.toLowerCase()) : [],
    rows: body.slice(0, MAX_TABLE_ROWS).map((row) => ({ cells: cellsOf(row), line: nodeLine(row) })),
    line: nodeLine(node),
    skippedRows: Math.max(0, body.length - MAX_TABLE_ROWS),
  };
}

export type TableKind = 'signoff' | 'roles' | 'metrics';

const ROLE_HEADER = /\brole\b/;

export function classifyTable(headers: string[]): TableKind | null {
  const has = (re: RegExp) => headers.some((h) => re.test(h));
  if (has(ROLE_HEADER)) {
    if (has(/approv|sign[- ]?off|signoff|signature/)) return 'signoff';
    if (has(/name|responsib|contact|owner|key/)) return 'roles';
  }
  if (has(/metric/) && has(/target/) && has(/alert|threshold|warn|crit/)) return 'metrics';
  return null;
}

/** Index of the first header matching `re` and not already taken; -1 when none. */
export function column(headers: string[], re: RegExp, taken: number[] = []): number {
  return headers.findIndex((h, i) => !taken.includes(i) && re.test(h));
}

const PLACEHOLDER = /^(?:tbd|tba|n\/?a|none|-+|—|–|\?+|x+|<[^>]*>|\[[^\]]*\]|\+?1?-?x{3}.*)$/i;

export function isPlaceholder(text: string): boolean {
  return !text || PLACEHOLDER.test(text.trim());
}

/** A role as a table names it: "Database Admin", held by "DBA-001", reachable at "@dba". */
export type RoleRow = {
  name: string;
  person: string | null;
  contact: string | null;
  /** From a "Key" column: the role key, as is. */
  key: string | null;
  /** From "Name (@handle)": names an existing role by key or name. */
  handle: string | null;
  line: number;
};

// Summary rows ("**GO-LIVE AUTHORIZED** | | ✅ YES") sit in sign-off tables but are no role;
// they are shouted, and name nobody.
const SUMMARY_ROW =
  /authori[sz]|approved|\btotal\b|overall|go[- ]?live|go\s*\/\s*no[- ]?go|decision|\bfinal\b|summary|\bstatus\b/i;

export function roleRows(table: TableData): RoleRow[] {
  const { headers } = table;
  const roleCol = column(headers, ROLE_HEADER);
  if (roleCol < 0) return [];
  const keyCol = column(headers, /^key$|role key/, [roleCol]);
  const personCol = column(headers, /\bname\b|person|assignee|owner|\bwho\b|signer/, [roleCol, keyCol]);
  const contactCols = headers
    .map((h, i) => (/contact|e-?mail|phone|slack|pager|mobile|\btel\b|handle/.test(h) && i !== roleCol ? i : -1))
    .filter((i) => i >= 0);
  const out: RoleRow[] = [];
  for (const row of table.rows) {
    // The exporter writes "Database Admin (@dba)" so the key survives a round trip.
    const keyed = /\s*\(@([a-z][\w-]{0,39})\)\s*$/i.exec(row.cells[roleCol] ?? '');
    const name = keyed
      ? (row.cells[roleCol] ?? '').slice(0, keyed.index).trim() || keyed[1]
      : (row.cells[roleCol] ?? '');
    const person = personCol >= 0 ? (row.cells[personCol] ?? '') : '';
    if (!name || isPlaceholder(name) || !/[\p{L}\p{N}]/u.test(name)) continue;
    if (isPlaceholder(person) && SUMMARY_ROW.test(name) && name === name.toUpperCase()) continue;
    const contactParts = [isPlaceholder(person) ? '' : person, ...contactCols.map((i) => row.cells[i] ?? '')].filter(
      (c) => !isPlaceholder(c),
    );
    out.push({
      name: truncate(name, 120),
      person: isPlaceholder(person) ? null : truncate(person, 120),
      contact: contactParts.length ? truncate(Array.from(new Set(contactParts)).join(', '), 200) : null,
      key: keyCol >= 0 && row.cells[keyCol] ? row.cells[keyCol].replace(/^@/, '').trim() : null,
      handle: keyed ? keyed[1] : null,
      line: row.line,
    });
  }
  return out;
}
