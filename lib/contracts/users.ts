import type { AccountEventPayload, AccountEventType } from '@/lib/domain/account-events';
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

/**
 * `GET /api/users[?q=text]`: accounts whose name or email contains `q` (any case), by name, at most
 * USERS_SHOWN of them; `matching` counts all that match, so the page can say who it leaves out.
 */
export type UserListDto = { users: UserRowDto[]; matching: number };

export type UserRowDto = {
  id: string;
  name: string;
  email: string;
  isAdmin: boolean;
  active: boolean;
  createdAt: string;
  lastSeenAt: string | null;
};

/** One line of the account history (lib/domain/account-events.ts), newest first. */
export type AccountEventDto = {
  id: string;
  type: AccountEventType;
  at: string;
  /** Null for the bootstrap admin token and for changes no person made (an SSO provider's group). */
  actorId: string | null;
  actorName: string;
  subjectId: string | null;
  subject: string;
  payload: AccountEventPayload;
  /** Its link in the account history's chain (empty for lines from before the chain): an outside copy to compare with `audit:verify --accounts`. */
  hash: string;
};
