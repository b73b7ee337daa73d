import type { Root } from 'mdast';
import type { TemplateGate, TemplateItem, TemplatePhase } from '../template-definition';
import type { Outline } from './structure';
import { headingText } from './structure';
import { plainText, truncate } from './text';
import { parseClock, resolveHint, type Clock, type TimeHint } from './time-hints';

/** A phase while the document is read; `finishPhases` turns drafts into template phases. */
export type PhaseDraft = {
  title: string;
  /** The heading as written, time note included; used when "Schedule: none" says it is no time. */
  rawTitle: string;
  line: number;
  group: string | null;
  hint: TimeHint | null;
  /** A time-only paragraph right under the heading ("**11:30 AM UTC**"). */
  paragraphHint: TimeHint | null;
  kind: TemplatePhase['kind'] | null;
  scheduleNone: boolean;
  description: string;
  items: TemplateItem[];
  gates: TemplateGate[];
  /** Step headings that carry only a command block, no task line. */
  steps: string[];
  blocks: number;
  implicit: boolean;
};

const ROLLBACK_KIND = /roll\s?-?back|\brevert|back[- ]?out/i;
const POST_GO_LIVE =
  /post[- ]?(?:go[- ]?live|launch|deploy\w*|cut-?over|release|migration|rollout)|hyper-?care|after\s+(?:go[- ]?live|launch|deploy\w*|cut-?over|release)|stabili[sz]ation/i;
const MONITORING_WORD = /\bmonitoring\b/i;
// "Set up monitoring" is preparation, not the watch after go-live.
const PREPARATION = /set[- ]?up|configur|install|prepar|\bpre[- ]/i;

function kindOfText(text: string): TemplatePhase['kind'] | null {
  if (ROLLBACK_KIND.test(text)) return 'rollback';
  if (POST_GO_LIVE.test(text)) return 'monitoring';
  if (MONITORING_WORD.test(text) && !PREPARATION.test(text)) return 'monitoring';
  return null;
}

/** A phase's kind from its title, or else from the heading that groups it ("Post-Launch Activities"). */
export function kindFor(title: string, group: string | null): TemplatePhase['kind'] {
  return kindOfText(title) ?? (group ? kindOfText(group) : null) ?? 'normal';
}

const GO_LIVE_LABEL =
  /^\W*(?:planned\s+|target\s+)?(?:go[- ]?live|cut-?over|launch|t0|t-?zero)\s*(?:time|date(?:\s*\/\s*time)?|at|start)?\s*(?:\([^)]*\))?\s*[:=]\s*(.+)$/i;
const GO_LIVE_WORD = /go[- ]?live|cut-?over/i;
const GO_LIVE_PHASE = /go[- ]?live|cut-?over|\bT\s*0\b|\bT-?zero\b/i;

/** The go-live clock the document states: "**Go-Live Time:** 2026-01-15 08:00Z", or a title with one. */
export function statedGoLive(root: Root, outline: Outline): Clock | null {
  for (const node of root.children) {
    if (node.type !== 'paragraph') continue;
    for (const line of plainText(node).split('\n')) {
      const m = GO_LIVE_LABEL.exec(line.trim());
      const clock = m ? parseClock(m[1]) : null;
      if (clock) return clock;
    }
  }
  for (const heading of outline.titleNodes) {
    const text = headingText(heading);
    const clock = GO_LIVE_WORD.test(text) ? parseClock(text) : null;
    if (clock) return clock;
  }
  return null;
}

/** Without a stated go-live: a phase giving both "T-30" and "11:30 AM UTC" pins it, or the
 *  start of a phase named go-live / cutover. */
function inferredGoLive(drafts: PhaseDraft[]): Clock | null {
  for (const d of drafts) {
    const clock = d.hint?.clockStart ?? d.paragraphHint?.clockStart;
    const start = d.hint?.startMin ?? d.paragraphHint?.startMin ?? null;
    if (clock && start !== null)
      return { minutes: (((clock.minutes - start) % 1440) + 1440) % 1440, date: null, dayOffset: 0 };
  }
  for (const d of drafts) {
    const clock = d.hint?.clockStart ?? d.paragraphHint?.clockStart;
    if (clock && GO_LIVE_PHASE.test(d.rawTitle) && !/\b(?:pre|post|before|after)\b/i.test(d.rawTitle)) return clock;
  }
  return null;
}

export function finishPhases(
  drafts: PhaseDraft[],
  stated: Clock | null,
  warn: (line: number, message: string) => void,
): TemplatePhase[] {
  const t0 = stated ?? inferredGoLive(drafts);
  const phases: TemplatePhase[] = [];
  for (const d of drafts) {
    const heading = d.hint ? resolveHint(d.hint, t0) : { startMin: null, durationMin: null };
    const paragraph = d.paragraphHint ? resolveHint(d.paragraphHint, t0) : { startMin: null, durationMin: null };
    let startMin = heading.startMin ?? paragraph.startMin;
    let durationMin = heading.durationMin ?? paragraph.durationMin;
    let title = d.title;
    if (d.scheduleNone) {
      [startMin, durationMin, title] = [null, null, d.rawTitle];
    }
    const scheduled = durationMin !== null && !d.scheduleNone;
    const keep =
      d.items.length > 0 ||
      d.gates.length > 0 ||
      d.kind !== null ||
      d.description !== '' ||
      d.steps.length > 0 ||
      scheduled;
    if (!keep) continue;
    let description = d.description;
    if (!d.items.length && d.steps.length) {
      if (!description) description = d.steps.join('\n');
      warn(
        d.line,
        `Phase "${truncate(title, 80)}" has ${d.steps.length} step(s) with commands but no "- [ ]" task lines; the steps are listed in the phase description.`,
      );
    }
    phases.push({
      title,
      description: truncate(description, 5000),
      kind: d.kind ?? kindFor(title, d.group),
      plannedStartMin: startMin === null ? null : Math.round(startMin),
      plannedDurationMin: durationMin === null ? null : Math.max(0, Math.round(durationMin)),
      items: d.items,
      gates: d.gates,
    });
  }
  return phases;
}
