/**
 * Evidence on a checklist item: pasted output and/or a link, compared with the item's expected
 * output. The rules both ends share: the limits, where evidence may be added, and what an item's
 * evidence says about it (its latest evidence decides: a mismatch keeps it amber for everyone
 * until newer evidence matches).
 */
import { finishedMessage, isTerminal } from '../deployment-state';
import type { EvidenceMatch } from './expected-output';

export const EVIDENCE_SOURCES = ['manual', 'ci', 'check'] as const;
export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

/** Pasted text larger than this is refused (413): a log excerpt, not the whole log. */
export const MAX_EVIDENCE_TEXT_BYTES = 256 * 1024;
/** What the war room's state carries of each text; the whole is one request away. */
export const EVIDENCE_EXCERPT_CHARS = 2048;
/** Per item, the war room's state carries only the latest few (the count says how many there are). */
export const EVIDENCE_PER_ITEM = 20;
export const MAX_EVIDENCE_URL = 2000;

export type EvidenceWritableCheck = { ok: true } | { ok: false; message: string };

/**
 * Evidence may come late (a CI run finishing after its phase completed), but not once the
 * deployment is finished: then the record is closed.
 */
export function checkEvidenceWritable(deploymentState: string): EvidenceWritableCheck {
  if (isTerminal(deploymentState))
    return {
      ok: false,
      message: finishedMessage(deploymentState, 'no evidence can be added. Add a note to the timeline instead.'),
    };
  return { ok: true };
}

export type Proof = EvidenceMatch | 'none';

/** What an item's evidence (latest first) says: the latest entry's result, or none. */
export function proofOf(evidence: readonly { match: EvidenceMatch }[] | undefined): Proof {
  return evidence?.[0]?.match ?? 'none';
}

export const MATCH_LABEL: Record<EvidenceMatch, string> = {
  match: 'Matches',
  mismatch: 'Mismatch',
  unknown: 'Not compared',
};

/** Whether a URL is one a person may follow from the war room: http or https only. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** The first `max` characters, never splitting a surrogate pair. */
export function excerpt(text: string, max = EVIDENCE_EXCERPT_CHARS): { text: string; truncated: boolean } {
  if (text.length <= max) return { text, truncated: false };
  const cut = /[\uD800-\uDBFF]/.test(text[max - 1]) ? max - 1 : max;
  return { text: text.slice(0, cut), truncated: true };
}

type ItemWithEvidence<E> = {
  id: string;
  title: string;
  roleKey: string;
  status: string;
  evidence?: readonly E[];
  children: readonly ItemWithEvidence<E>[];
};

export type Mismatch<E> = {
  item: { id: string; title: string; roleKey: string; status: string };
  evidence: E;
  /** Newer evidence on the same item matched since: kept in the list, marked as settled. */
  superseded: boolean;
};

/** Every mismatching piece of evidence in the war room, newest first: what the IC must see. */
export function mismatchesOf<E extends { match: EvidenceMatch; at: string }>(
  phases: readonly { items: readonly ItemWithEvidence<E>[] }[],
): Mismatch<E>[] {
  const out: Mismatch<E>[] = [];
  const walk = (items: readonly ItemWithEvidence<E>[]) => {
    for (const item of items) {
      const list = item.evidence ?? [];
      list.forEach((evidence, index) => {
        if (evidence.match !== 'mismatch') return;
        const { id, title, roleKey, status } = item;
        out.push({
          item: { id, title, roleKey, status },
          evidence,
          superseded: index > 0 && list[0].match === 'match',
        });
      });
      walk(item.children);
    }
  };
  for (const phase of phases) walk(phase.items);
  return out.sort((a, b) => b.evidence.at.localeCompare(a.evidence.at));
}

export type ProofSummary = { done: number; proven: number; unproven: number; mismatched: number };

/**
 * The cockpit's Proof card: of the done steps (sub-steps too), how many the latest evidence
 * proves (match), contradicts (mismatch), or leaves unproven (none, or not compared).
 */
export function proofSummary(phases: readonly { items: readonly ProofStep[] }[]): ProofSummary {
  const summary: ProofSummary = { done: 0, proven: 0, unproven: 0, mismatched: 0 };
  const walk = (items: readonly ProofStep[]) => {
    for (const item of items) {
      if (item.status === 'done') {
        summary.done += 1;
        const proof = proofOf(item.evidence);
        if (proof === 'match') summary.proven += 1;
        else if (proof === 'mismatch') summary.mismatched += 1;
        else summary.unproven += 1;
      }
      walk(item.children);
    }
  };
  for (const phase of phases) walk(phase.items);
  return summary;
}

type ProofStep = { status: string; evidence?: readonly { match: EvidenceMatch }[]; children: readonly ProofStep[] };
