import type { InvitationStatus } from '@/lib/domain/accounts';

/** An API token as listed: never the token itself, which is shown once at creation. */
export type TokenDto = {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  deploymentId: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

export type InvitationDto = {
  id: string;
  email: string;
  isAdmin: boolean;
  status: InvitationStatus;
  createdAt: string;
  expiresAt: string;
};

export type UserRowDto = {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  active: boolean;
  createdAt: string;
  lastSeenAt: string | null;
};
