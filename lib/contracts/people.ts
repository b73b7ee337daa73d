import type { InvitationStatus } from '@/lib/domain/accounts';

/** A person holding a role in a deployment. */
export type ParticipantDto = {
  id: string;
  userId: string;
  name: string;
  email: string;
  roleKey: string;
  roleName: string;
};

/** An invitation into a role of one deployment (the IC's People panel): never its token. */
export type RoleInvitationDto = {
  id: string;
  email: string;
  roleKey: string;
  roleName: string;
  status: InvitationStatus;
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
};

/**
 * Inviting into a role either made an invitation (its link shown this once) or, when the email
 * already has an account, simply assigned that person to the role.
 */
export type InviteToRoleResult =
  | { outcome: 'invited'; invitation: RoleInvitationDto; token: string; path: string; seq: number }
  | { outcome: 'added'; participant: ParticipantDto; seq: number };
