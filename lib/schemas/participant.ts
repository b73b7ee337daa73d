import { roleKeySchema } from '@/lib/domain/template-definition';
import { z } from '@/lib/zod';

export const addParticipantSchema = z.object({
  email: z.email().max(320),
  roleKey: roleKeySchema,
});
export type AddParticipantInput = z.infer<typeof addParticipantSchema>;

/** Inviting someone into a role: their email (an account is made when they accept) and the role. */
export const inviteToRoleSchema = z.object({
  email: z.email().max(320),
  roleKey: roleKeySchema,
});
export type InviteToRoleInput = z.infer<typeof inviteToRoleSchema>;
