import type { GateKind, GateStatus, SignoffDecision } from '@/lib/domain/gates';
import type { IdentityEvidence } from '@/lib/domain/identity';

export type SignoffDto = {
  id: string;
  roleKey: string;
  userId: string;
  user: string;
  decision: SignoffDecision;
  at: string;
  comment: string | null;
  metrics: Record<string, unknown>;
  /** How the signer authenticated (method, time, IP, user agent): evidence for auditors. */
  identity: Partial<IdentityEvidence>;
};

export type GateDto = {
  id: string;
  phaseId: string;
  title: string;
  kind: GateKind;
  checkpointOffsetMin: number | null;
  requiredRoles: string[];
  status: GateStatus;
  version: number;
  overrideReason: string | null;
  allowSameSigner: boolean;
  overriddenBy: string | null;
  openedAt: string | null;
  signoffs: SignoffDto[];
};
