import type { DecisionLevel } from '../template-definition';
import { readBullet, readCanonical, type SeriesLookup } from './conditions';
import { oneLine, splitLabel, trailingParen, truncate } from './text';

/**
 * Rollback decision trees as runbooks write them — "### Level 2: Major Issues (Prepare
 * Rollback)" with symptom bullets, "**Serious Issues (consider rollback):**" labels,
 * "CRITICAL (Immediate Rollback): Error rate >10%" lines and "Error rate > 10% → immediate
 * rollback" bullets — gathered into levels 1 (keep going), 2 (prepare rollback), 3 (roll back).
 */

type Level = 1 | 2 | 3;
export type LevelLabel = { level: Level; title: string; action: string };

const NO_ROLLBACK =
  /\b(?:don'?t|do not|no|without)\s+roll\s?-?back\b|continue monitoring|keep going|\bgo\b.*\bfix forward/i;
const LEVEL_WORDS: Array<[Level, RegExp]> = [
  [1, NO_ROLLBACK],
  [
    3,
    /\b(?:critical|emergency|severe|sev(?:erity)?[ -]?1|p1)\b|\bimmediate(?:ly)?\s+roll\s?-?back|roll\s?-?back\s+(?:now|immediately)/i,
  ],
  [
    2,
    /\b(?:major|serious|significant|moderate|sev(?:erity)?[ -]?2|p2)\b|\b(?:prepare|consider|planned|plan)\s+(?:(?:for|a)\s+)?roll\s?-?back/i,
  ],
  [1, /\b(?:minor|low|sev(?:erity)?[ -]?3|p3)\b/i],
];
const ACTION_WORDS = /roll\s?-?back|continue monitoring|keep going/i;
const ROLLBACK = /roll\s?-?back/i;
/** Headings under which severity words ("Minor Issues") are meant as decision levels. */
const DECISION_CONTEXT = /roll\s?-?back|decision|trigger|issue|escalat|incident|severity|abort|no[- ]go/i;
const DEFAULT_TITLES: Record<Level, string> = { 1: 'Minor issues', 2: 'Major issues', 3: 'Critical issues' };

function levelFromWords(text: string): Level | null {
  return LEVEL_WORDS.find(([, re]) => re.test(text))?.[0] ?? null;
}

/**
 * The level a heading or label names, if any. Severity words count only in a decision
 * context or next to the word rollback, so "Critical Alerts" stays a plain heading.
 */
export function classifyLevel(text: string, inDecisionContext: boolean): LevelLabel | null {
  const clean = oneLine(text);
  const paren = trailingParen(clean);
  const main = paren?.before || clean;
  const action = paren && paren.before ? paren.inner : '';
  const explicit = /\blevel\s*([123])\b\s*[:.\-–—]?\s*/i.exec(main);
  if (explicit) {
    return {
      level: Number(explicit[1]) as Level,
      title: truncate(main.slice(explicit.index + explicit[0].length).trim(), 300),
      action: truncate(action, 300),
    };
  }
  if (!inDecisionContext && !ROLLBACK.test(clean)) return null;
  let level = levelFromWords(main);
  // "Issues (Prepare Rollback)": the parenthesis names the action, and so the level.
  if (!level && action && ACTION_WORDS.test(action)) level = levelFromWords(action);
  if (!level) return null;
  return { level, title: truncate(main, 300), action: truncate(action, 300) };
}

/** Whether a bullet would be read as an arrow or one-line decision ("… → rollback", "CRITICAL (Immediate Rollback): …"). */
export function isDecisionLine(text: string): boolean {
  const clean = oneLine(text);
  const arrow = /^(.{1,200}?)\s*(?:→|->|=>|⇒|⟶)\s*(.{1,200})$/.exec(clean);
  if (arrow && ROLLBACK.test(arrow[2])) return true;
  const split = splitLabel(clean, 80);
  return Boolean(
    split?.rest &&
    classifyLevel(split.label, false) &&
    (ROLLBACK.test(split.label) || /\blevel\s*[123]\b/i.test(split.label)),
  );
}

export type Bullet = { text: string; codeTail: { code: string; rest: string } | null; line: number };
type Mode = 'symptoms' | 'skip';
/** The level being read; it is only created once something is added to it. */
type Context = { label: LevelLabel; depth: number; via: 'heading' | 'label'; mode: Mode };

const MAX_ENTRIES_PER_LEVEL = 200;

export class DecisionTreeBuilder {
  private readonly levels = new Map<Level, DecisionLevel>();
  private readonly headings: string[] = [];
  private context: Context | null = null;

  constructor(
    private readonly lookup: SeriesLookup,
    private readonly warn: (line: number, message: string) => void,
  ) {}

  heading(depth: number, text: string): void {
    this.headings.length = depth - 1;
    const inContext = this.headings.some((h) => h && DECISION_CONTEXT.test(h));
    this.headings[depth - 1] = text;
    const ctx = this.context;
    if (ctx && ctx.via === 'heading' && depth > ctx.depth) {
      ctx.mode = modeFor(text) ?? ctx.mode;
      return;
    }
    this.context = null;
    const label = classifyLevel(text, inContext);
    if (label) this.context = { label, depth, via: 'heading', mode: 'symptoms' };
  }

  /** A paragraph; true when it was decision-tree material. */
  paragraph(text: string, labelOnly: boolean, line: number): boolean {
    const clean = oneLine(text);
    if (labelOnly) {
      const inContext = this.context !== null || this.headings.some((h) => h && DECISION_CONTEXT.test(h));
      const label = classifyLevel(clean.replace(/:$/, ''), inContext);
      if (label) {
        this.context = { label, depth: 99, via: 'label', mode: 'symptoms' };
        return true;
      }
      if (this.context) {
        this.context.mode = modeFor(clean) ?? 'skip';
        return true;
      }
      return false;
    }
    return this.inline(clean, line);
  }

  /** A plain (non-task) bullet. */
  bullet({ text, codeTail, line }: Bullet): void {
    const clean = oneLine(text);
    const ctx = this.context?.mode === 'symptoms' ? this.context : null;
    // The exporter's exact forms come first: "Symptom: …" and a trailing `series > value`.
    if (ctx && (/^symptom:/i.test(clean) || (codeTail && readCanonical(codeTail.code, codeTail.rest)))) {
      this.add(ctx.label, clean, codeTail, line);
      return;
    }
    const arrow = /^(.{1,200}?)\s*(?:→|->|=>|⇒|⟶)\s*(.{1,200})$/.exec(clean);
    if (arrow && ROLLBACK.test(arrow[2])) {
      const level = levelFromWords(arrow[2]) ?? 3;
      this.add({ level, title: DEFAULT_TITLES[level], action: truncate(arrow[2], 300) }, arrow[1], null, line);
      return;
    }
    if (this.inline(clean, line)) return;
    if (ctx) this.add(ctx.label, clean, codeTail, line);
  }

  thematicBreak(): void {
    if (this.context?.via === 'label') this.context = null;
  }

  /** Levels with something to check or show; a heading alone tells the IC nothing. */
  result(): DecisionLevel[] {
    return [...this.levels.values()]
      .filter((l) => l.conditions.length || l.symptoms.length)
      .sort((a, b) => a.level - b.level);
  }

  /** "CRITICAL (Immediate Rollback): Error rate >10%, p95 > 2s" on one line. */
  private inline(text: string, line: number): boolean {
    const split = splitLabel(text, 80);
    if (!split || !split.rest) return false;
    const label = classifyLevel(split.label, false);
    if (!label || (!ROLLBACK.test(split.label) && !/\blevel\s*[123]\b/i.test(split.label))) return false;
    for (const part of split.rest.split(/[,;]|\bor\b/)) if (part.trim()) this.add(label, part, null, line);
    return true;
  }

  private level(label: LevelLabel): DecisionLevel {
    let level = this.levels.get(label.level);
    if (!level) {
      level = { level: label.level, title: label.title, action: label.action, conditions: [], symptoms: [] };
      this.levels.set(label.level, level);
    }
    return level;
  }

  private add(label: LevelLabel, text: string, codeTail: Bullet['codeTail'], line: number): void {
    const level = this.level(label);
    if (level.conditions.length + level.symptoms.length >= MAX_ENTRIES_PER_LEVEL) return;
    const explicit = codeTail ? readCanonical(codeTail.code, oneLine(codeTail.rest)) : null;
    if (explicit) {
      level.conditions.push(explicit);
      return;
    }
    const reading = readBullet(text, this.lookup);
    if (reading.kind === 'condition') {
      level.conditions.push(reading.condition);
      return;
    }
    if (!reading.text) return;
    level.symptoms.push(reading.text);
    if (reading.ambiguous) {
      this.warn(
        line,
        `Rollback trigger "${truncate(reading.text, 80)}" has a threshold but no metric the war room tracks; kept as guidance for the IC.`,
      );
    }
  }
}

function modeFor(label: string): Mode | null {
  if (/symptom|trigger|criteria|condition|signs?\b|indicator|\bwhen\b|\bif\b|threshold/i.test(label)) return 'symptoms';
  if (/action|step|procedure|command|example|response|what to do|how to|contact|script/i.test(label)) return 'skip';
  return null;
}
