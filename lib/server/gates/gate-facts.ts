import 'server-only';
import type { GateDto, SignoffDto } from '@/lib/contracts/gates';
import type { GateInput, GateKind, GateStatus, Signoff } from '@/lib/domain/gates';
import { evidenceFor, ROOM_VIEWER, type EvidenceViewer } from '@/lib/domain/identity';
import type { Tx } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';

/** Every sign-off of the gate, withdrawn ones too: the gate rule needs the whole history to count right. */
const gateInclude = {
  signoffs: { orderBy: { createdAt: 'asc' }, include: { user: { select: { name: true } } } },
} as const;

export type GateRow = {
  id: string;
  deploymentId: string;
  phaseId: string;
  title: string;
  kind: GateKind;
  checkpointOffsetMin: number | null;
  requiredRoles: string[];
  status: GateStatus;
  version: number;
  overrideReason: string | null;
  overriddenById: string | null;
  openedAt: Date | null;
  allowSameSigner: boolean;
  signoffs: {
    id: string;
    roleKey: string;
    userId: string;
    decision: 'approve' | 'reject';
    comment: string | null;
    metricSnapshot: unknown;
    identity: unknown;
    createdAt: Date;
    withdrawnAt: Date | null;
    user: { name: string };
  }[];
};

/** One gate of one deployment with its sign-offs, read inside the caller's transaction; 404 when absent. */
export async function loadGate(tx: Tx, deploymentId: string, gateId: string): Promise<GateRow> {
  const gate = await tx.gate.findFirst({ where: { id: gateId, deploymentId }, include: gateInclude });
  if (!gate) throw new AppError('not_found', 'No such gate in this deployment.');
  return gate;
}

/** All gates of some phases, for the phase-completion rule. */
export async function loadPhaseGates(tx: Tx, phaseId: string): Promise<GateRow[]> {
  return tx.gate.findMany({ where: { phaseId }, orderBy: { position: 'asc' }, include: gateInclude });
}

export function toSignoff(row: GateRow['signoffs'][number]): Signoff {
  return {
    id: row.id,
    roleKey: row.roleKey,
    userId: row.userId,
    decision: row.decision,
    comment: row.comment,
    createdAt: row.createdAt,
    withdrawnAt: row.withdrawnAt,
  };
}

/** What the pure gate rules take. */
export function gateInput(gate: GateRow): GateInput & { title: string; kind: GateKind } {
  return {
    title: gate.title,
    kind: gate.kind,
    requiredRoles: gate.requiredRoles,
    status: gate.status,
    overrideReason: gate.overrideReason,
    signoffs: gate.signoffs.map(toSignoff),
    allowSameSigner: gate.allowSameSigner,
  };
}

/**
 * A sign-off as its reader may see it: the IP address and user agent behind it only for the
 * signer themselves or a viewer allowed `identity.read` (lib/domain/identity.ts).
 */
export function toSignoffDto(row: GateRow['signoffs'][number], viewer?: EvidenceViewer): SignoffDto {
  const identity = (row.identity ?? {}) as SignoffDto['identity'];
  return {
    id: row.id,
    roleKey: row.roleKey,
    userId: row.userId,
    user: row.user.name,
    decision: row.decision,
    at: row.createdAt.toISOString(),
    comment: row.comment,
    metrics: (row.metricSnapshot ?? {}) as Record<string, unknown>,
    identity: viewer ? evidenceFor(viewer, row.userId, identity) : identity,
  };
}

/**
 * The gate as `GET /api/deployments/:id` shows it: counting (not withdrawn) sign-offs only. A
 * command answers its caller with it, so others' network evidence is left out unless the viewer
 * may read it (by default nobody in particular: everyone's is left out).
 */
export async function toGateDto(tx: Tx, gate: GateRow, viewer: EvidenceViewer = ROOM_VIEWER): Promise<GateDto> {
  const overrider = gate.overriddenById
    ? await tx.user.findUnique({ where: { id: gate.overriddenById }, select: { name: true } })
    : null;
  return {
    id: gate.id,
    phaseId: gate.phaseId,
    title: gate.title,
    kind: gate.kind,
    checkpointOffsetMin: gate.checkpointOffsetMin,
    requiredRoles: gate.requiredRoles,
    status: gate.status,
    version: gate.version,
    overrideReason: gate.overrideReason,
    allowSameSigner: gate.allowSameSigner,
    // The bootstrap admin token has no user row.
    overriddenBy: gate.overriddenById ? (overrider?.name ?? 'Admin') : null,
    openedAt: gate.openedAt?.toISOString() ?? null,
    signoffs: gate.signoffs.filter((s) => !s.withdrawnAt).map((s) => toSignoffDto(s, viewer)),
  };
}

/** Role key → display name, for the rules' messages. */
export async function roleNamesOf(tx: Tx, deploymentId: string): Promise<Record<string, string>> {
  const roles = await tx.role.findMany({ where: { deploymentId }, select: { key: true, name: true } });
  return Object.fromEntries(roles.map((r) => [r.key, r.name]));
}

/**
 * The newest sample of every metric series of the deployment, as a sign-off records it:
 * `{ "error_rate": { "value": 0.4, "unit": "%", "at": "…" } }`, `{}` when nothing was pushed yet.
 * One index lookup per series (newest first on the (seriesId, ts) key), however many samples exist.
 */
export async function latestMetrics(
  tx: Tx,
  deploymentId: string,
): Promise<Record<string, { value: number; unit: string; at: string }>> {
  const rows = await tx.$queryRaw<{ key: string; unit: string; value: number; ts: Date }[]>`
    SELECT s."key", s."unit", l."value", l."ts"
    FROM "MetricSeries" s
    CROSS JOIN LATERAL (
      SELECT m."value", m."ts" FROM "MetricSample" m WHERE m."seriesId" = s."id" ORDER BY m."ts" DESC LIMIT 1
    ) l
    WHERE s."deploymentId" = ${deploymentId}
    ORDER BY s."key"`;
  return Object.fromEntries(rows.map((r) => [r.key, { value: Number(r.value), unit: r.unit, at: r.ts.toISOString() }]));
}
