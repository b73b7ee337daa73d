import type { RootContent } from 'mdast';
import {
  templateDefinitionSchema,
  templateStats,
  type MetricRuleDefinition,
  type TemplateDefinition,
} from '../template-definition';
import { RunbookWalker } from './build';
import { seriesLookup } from './conditions';
import { repairEncoding } from './encoding';
import { guardMarkdown } from './guards';
import { parseMarkdown } from './markdown';
import { rulesFromTable } from './read-metrics';
import { finishPhases, statedGoLive } from './read-phases';
import { suggestOwners } from './role-suggestions';
import { RoleBook } from './roles';
import { outline } from './structure';
import { classifyTable, readTable, roleRows, type RoleRow } from './tables';
import { truncate } from './text';

/**
 * Markdown runbook → TemplateDefinition. Entry point of the importer: repairs encoding, applies
 * the size guards, parses with markdown-it (CommonMark, GFM tables and task items; markdown.ts),
 * then maps the tree. Never throws.
 */

export type ParseWarning = { line: number; message: string };

export type ParseResult =
  | { ok: true; template: TemplateDefinition; stats: ReturnType<typeof templateStats>; warnings: ParseWarning[] }
  | { ok: false; reason: string; warnings: ParseWarning[] };

export type ParseOptions = {
  name?: string;
  roleMapping?: Record<string, string>;
  /** False: steps with no owner in the runbook stay with the IC instead of getting a suggested role. */
  suggestRoles?: boolean;
};

/** Larger bodies are refused by the API (413); the parser refuses them too rather than grind. */
export const MAX_RUNBOOK_BYTES = 1_000_000;

const MAX_WARNINGS = 50;
const MAX_DECLARED_ROLES = 300;

/** Written by the exporter so its phase level is never left to inference. */
export const PHASE_LEVEL_DIRECTIVE = /^<!--\s*war-room:\s*phases at heading level ([1-6])\s*-->$/;

export function parseRunbook(text: string, options: ParseOptions = {}): ParseResult {
  try {
    return parse(text, options);
  } catch (error) {
    // Last resort: a parser bug must surface as an unreadable runbook (422), not a crash.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: `This runbook could not be read (${truncate(message, 200)}).`, warnings: [] };
  }
}

function utf8Length(text: string, limit: number): number {
  if (text.length > limit) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i += 1) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? 2 : 3;
  }
  return bytes;
}

function parse(input: string, options: ParseOptions): ParseResult {
  if (typeof input !== 'string') return { ok: false, reason: 'No runbook text was given.', warnings: [] };
  if (utf8Length(input, MAX_RUNBOOK_BYTES) > MAX_RUNBOOK_BYTES) {
    return { ok: false, reason: `The runbook is larger than ${MAX_RUNBOOK_BYTES / 1_000_000} MB.`, warnings: [] };
  }
  const warnings: ParseWarning[] = [];
  const warn = (line: number, message: string) => warnings.push({ line, message });

  const repaired = repairEncoding(input.replace(/^\uFEFF/, ''));
  const guarded = guardMarkdown(repaired.text);
  warnings.push(...guarded.warnings);
  const root = parseMarkdown(guarded.text);

  const shape = outline(root);
  const directive = root.children.find((n) => n.type === 'html' && PHASE_LEVEL_DIRECTIVE.test(n.value.trim()));
  if (directive?.type === 'html') shape.phaseDepth = Number(PHASE_LEVEL_DIRECTIVE.exec(directive.value.trim())![1]);

  // Tables anywhere name roles and metrics for the whole document, so read them first.
  const roles = new RoleBook(options.roleMapping);
  const rows: RoleRow[] = [];
  const rules: MetricRuleDefinition[] = [];
  for (const node of topLevelTables(root.children)) {
    const data = readTable(node);
    const kind = classifyTable(data.headers);
    if (kind === 'roles') rows.push(...roleRows(data));
    // A sign-off row names who signs, not how to reach the role.
    if (kind === 'signoff') rows.push(...roleRows(data).map((r) => ({ ...r, contact: null })));
    if (kind === 'metrics') rules.push(...rulesFromTable(data, warn));
  }
  roles.declare(rows.slice(0, MAX_DECLARED_ROLES));

  const walked = new RunbookWalker({ root, outline: shape, roles, lookup: seriesLookup(rules), warn }).run();
  const phases = finishPhases(walked.drafts, statedGoLive(root, shape), warn);

  const template: TemplateDefinition = suggestOwners(
    {
      name: truncate(options.name?.trim() || shape.title || 'Imported runbook', 200),
      description: truncate(walked.description, 10000),
      roles: roles.roles(),
      phases,
      rules,
      decisionTree: walked.decisionTree,
    },
    { suggest: options.suggestRoles !== false },
  );
  const finalWarnings = tidy(warnings);
  const stats = templateStats(template);
  if (stats.items === 0) {
    return {
      ok: false,
      reason: 'No checklist items found. A runbook needs at least one task line such as "- [ ] Verify backups".',
      warnings: finalWarnings,
    };
  }
  const checked = templateDefinitionSchema.safeParse(template);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return {
      ok: false,
      reason: `The runbook did not make a valid template: ${issue.path.join('.')} ${issue.message}`,
      warnings: finalWarnings,
    };
  }
  return { ok: true, template: checked.data, stats, warnings: finalWarnings };
}

function topLevelTables(nodes: RootContent[], depth = 0): Extract<RootContent, { type: 'table' }>[] {
  const out: Extract<RootContent, { type: 'table' }>[] = [];
  for (const node of nodes) {
    if (node.type === 'table') out.push(node);
    else if (node.type === 'blockquote' && depth < 4)
      out.push(...topLevelTables(node.children as RootContent[], depth + 1));
  }
  return out;
}

function tidy(warnings: ParseWarning[]): ParseWarning[] {
  const sorted = [...warnings].sort((a, b) => a.line - b.line);
  if (sorted.length <= MAX_WARNINGS) return sorted;
  const kept = sorted.slice(0, MAX_WARNINGS - 1);
  const rest = sorted.length - kept.length;
  return [...kept, { line: sorted[MAX_WARNINGS - 1].line, message: `…and ${rest} more warnings like these.` }];
}
