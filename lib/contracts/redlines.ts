import type { RedlineKind, RedlinePatch, RedlineStatus, RedlineTarget } from '@/lib/domain/redlines';

/** One redline as the API answers it (`POST /api/deployments/:id/redlines`, `GET /api/templates/:id/redlines`). */
export type RedlineDto = {
  id: string;
  status: RedlineStatus;
  kind: RedlineKind;
  templateId: string;
  templateVersion: number;
  itemId: string | null;
  target: RedlineTarget;
  patch: RedlinePatch;
  reason: string;
  deployment: { id: string; name: string; rehearsal: boolean };
  person: { id: string | null; name: string };
  resolver: { id: string | null; name: string } | null;
  rejectReason: string | null;
  acceptedVersion: number | null;
  createdAt: string;
  resolvedAt: string | null;
};

export type RedlineList = { redlines: RedlineDto[] };

/** `POST /api/templates/:id/redlines/:redlineId/accept` and `POST /api/templates/:id/redlines/accept`. */
export type AcceptedRedlines = { version: number; accepted: string[] };
