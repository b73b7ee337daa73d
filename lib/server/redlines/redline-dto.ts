import type { RedlineDto } from '@/lib/contracts/redlines';
import type { RedlineKind, RedlinePatch, RedlineStatus, RedlineTarget } from '@/lib/domain/redlines';

/** A Redline row with its deployment's name, as the queries read it. */
export type RedlineRow = {
  id: string;
  status: RedlineStatus;
  kind: RedlineKind;
  templateId: string;
  templateVersion: number;
  itemId: string | null;
  target: unknown;
  patch: unknown;
  reason: string;
  proposerId: string | null;
  proposerName: string;
  resolverId: string | null;
  resolverName: string | null;
  rejectReason: string | null;
  acceptedVersion: number | null;
  createdAt: Date;
  resolvedAt: Date | null;
  deployment: { id: string; name: string; rehearsal: boolean };
};

export const REDLINE_SELECT = {
  id: true,
  status: true,
  kind: true,
  templateId: true,
  templateVersion: true,
  itemId: true,
  target: true,
  patch: true,
  reason: true,
  proposerId: true,
  proposerName: true,
  resolverId: true,
  resolverName: true,
  rejectReason: true,
  acceptedVersion: true,
  createdAt: true,
  resolvedAt: true,
  deployment: { select: { id: true, name: true, rehearsal: true } },
} as const;

export function toRedlineDto(row: RedlineRow): RedlineDto {
  return {
    id: row.id,
    status: row.status,
    kind: row.kind,
    templateId: row.templateId,
    templateVersion: row.templateVersion,
    itemId: row.itemId,
    target: row.target as RedlineTarget,
    patch: row.patch as RedlinePatch,
    reason: row.reason,
    deployment: row.deployment,
    person: { id: row.proposerId, name: row.proposerName },
    resolver: row.resolverName !== null ? { id: row.resolverId, name: row.resolverName } : null,
    rejectReason: row.rejectReason,
    acceptedVersion: row.acceptedVersion,
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}
