import type { TemplateGate } from '../template-definition';
import { kindFor, type PhaseDraft } from './read-phases';
import type { RoleBook } from './roles';
import { roleRows, type TableData } from './tables';
import { trailingParen, truncate } from './text';
import { headingTimeHint, parseTimeHint } from './time-hints';

/**
 * Gates from sign-off tables ("Role | Name | Approval | Time"): who must sign, what the gate
 * is called, and whether it is a go/no-go gate or a checkpoint due some time after go-live.
 */

export type GateLabel = {
  title: string;
  kind: TemplateGate['kind'] | null;
  offsetMin: number | null;
  allowSameSigner: boolean;
};

/**
 * "(same signer allowed)" at the end of a gate's label: one person may sign it for several of its
 * roles (the template's `allowSameSigner`). The exporter writes it; the importer reads it back.
 */
export const SAME_SIGNER_MARK = '(same signer allowed)';
const SAME_SIGNER = /\s*\(\s*same[- ]signer allowed\s*\)\s*$/i;

/** "**Gate: Deployment Sign-Off**", "Checkpoint: Stability (+12 h)" or any label over a sign-off table. */
export function gateLabel(text: string): GateLabel {
  let title = text.trim();
  let kind: GateLabel['kind'] = null;
  const prefix = /^(gate|checkpoint)\s*:\s*/i.exec(title);
  if (prefix) {
    // The exporter's form: what follows the prefix is the title, verbatim.
    kind = prefix[1].toLowerCase() === 'checkpoint' ? 'checkpoint' : 'gate';
    title = title.slice(prefix[0].length);
  } else {
    title = title.replace(/:$/, '').trim();
  }
  const allowSameSigner = SAME_SIGNER.test(title);
  if (allowSameSigner) title = title.replace(SAME_SIGNER, '').replace(/:$/, '').trim();
  let offsetMin: number | null = null;
  const paren = kind === 'gate' ? null : trailingParen(title);
  const hint = paren?.before ? parseTimeHint(paren.inner) : null;
  if (
    paren &&
    hint &&
    hint.startMin !== null &&
    hint.durationMin === null &&
    (kind === 'checkpoint' || hint.startMin > 0)
  ) {
    offsetMin = hint.startMin;
    kind = 'checkpoint';
    title = paren.before;
  }
  return { title: truncate(title, 300), kind, offsetMin, allowSameSigner };
}

/** `phase` is asked for only once the table names someone, so an empty table opens no phase. */
export type GatePlace = { phase: () => PhaseDraft; section: string | null; label: GateLabel | null };

/** The gate a sign-off table sets on its phase; null when it names no role. */
export function gateFromTable(data: TableData, roles: RoleBook, place: GatePlace): TemplateGate | null {
  const { section, label } = place;
  const keys: string[] = [];
  for (const row of roleRows(data)) {
    const handle = row.key ?? row.handle;
    const key = (handle && roles.resolve(handle, { alias: false })) || roles.resolve(row.name, { create: true });
    if (key && !keys.includes(key)) keys.push(key);
  }
  if (!keys.length) return null;
  const phase = place.phase();
  let kind = label?.kind ?? null;
  let offsetMin = label?.offsetMin ?? null;
  if (!kind) {
    // A sign-off in the post-go-live watch at "+12h" is a checkpoint, due at that time.
    const local = section ? headingTimeHint(section).hint?.startMin : null;
    const at = offsetMin ?? local ?? phase.hint?.startMin ?? null;
    const monitoring = (phase.kind ?? kindFor(phase.title, phase.group)) === 'monitoring';
    kind = monitoring && at !== null && at > 0 ? 'checkpoint' : 'gate';
    offsetMin = at;
  }
  return {
    title: truncate(label?.title || section || phase.title || 'Sign-off', 300),
    kind,
    offsetMin: kind === 'checkpoint' ? offsetMin : null,
    requiredRoles: keys,
    ...(label?.allowSameSigner ? { allowSameSigner: true } : {}),
  };
}
