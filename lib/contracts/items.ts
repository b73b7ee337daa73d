import type { CheckKind, CheckRun, CheckSpec, CheckState } from '@/lib/domain/checks';
import type { EvidenceMatch } from '@/lib/domain/evidence/expected-output';
import type { EvidenceSource } from '@/lib/domain/evidence/proof';
import type { RedactionKind } from '@/lib/domain/evidence/redact';
import type { ItemStatus } from '@/lib/domain/items';

/** One piece of evidence on an item, as the war room's state, the socket events and the POST answer carry it. */
export type EvidenceDto = {
  id: string;
  itemId: string;
  match: EvidenceMatch;
  /** One line: why it matched, did not, or could not be compared. */
  reason: string;
  /** How many secrets were cut from the pasted text before it was stored. */
  redacted: number;
  redactedKinds: RedactionKind[];
  source: EvidenceSource;
  url: string | null;
  /** The pasted text (secrets cut), at most 2 KB of it here: `textTruncated` says when `href` has more. */
  text: string | null;
  textTruncated: boolean;
  /** Length of the whole text, in characters. */
  textLength: number;
  /** `GET` this for the whole evidence, text included. */
  href: string;
  at: string;
  by: string | null;
};

/** `POST /api/deployments/:id/items/:itemId/evidence` answers this (201). */
export type AttachEvidenceResult = { evidence: EvidenceDto; item: ItemDto; seq: number };

/** One checklist item as the API and the socket events carry it, its sub-items nested. */
export type ItemDto = {
  id: string;
  phaseId: string;
  parentId: string | null;
  position: number;
  title: string;
  roleKey: string;
  section: string | null;
  command: string | null;
  expectedOutput: string | null;
  status: ItemStatus;
  note: string | null;
  version: number;
  doneBeforeStart: boolean;
  updatedBy: string | null;
  updatedAt: string;
  children: ItemDto[];
  /**
   * Its evidence, latest first (at most 20; `evidenceCount` says how many in all). Carried by
   * `GET /api/deployments/:id` and kept live from the events; absent from write answers, so a
   * tick's answer never wipes what the screen holds.
   */
  evidence?: EvidenceDto[];
  evidenceCount?: number;
  /** Its check, if it has one (null: none). Carried like `evidence`: by GET and kept live. */
  check?: CheckDto | null;
};

/** An item's check as the API, the events and the `deployment:check` socket message carry it. */
export type CheckDto = {
  itemId: string;
  kind: CheckKind;
  spec: CheckSpec;
  /** One line: `GET https://… → 200 contains "ok"`. */
  description: string;
  intervalSec: number;
  passesNeeded: number;
  autoTick: boolean;
  state: CheckState;
  /** Passes in a row so far ("checking 2/3"). */
  streak: number;
  lastRun: CheckRun | null;
};

/** `GET …/items/:itemId/check/runs`: the last 20 runs, newest first (`durationMs` null for a CI call). */
export type CheckRunsResult = { runs: { at: string; ok: boolean; output: string; durationMs: number | null }[] };

/** `PUT …/items/:itemId/check` answers this; a ci check's secret URL is told once, here. */
export type SetCheckResult = { check: CheckDto; secretUrl?: string };

/** `POST /api/checks/ci/:secret` answers this (201). */
export type CiCallbackResult = AttachEvidenceResult;
