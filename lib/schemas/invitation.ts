import { INVITATION_DAYS_DEFAULT, INVITATION_DAYS_MAX } from '@/lib/domain/accounts';
import { z } from '@/lib/zod';

export const createInvitationSchema = z.object({
  email: z.email().max(320),
  isAdmin: z.boolean().optional(),
  expiresInDays: z.number().int().min(1).max(INVITATION_DAYS_MAX).default(INVITATION_DAYS_DEFAULT),
});
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

export const acceptInvitationSchema = z.object({
  name: z.string().trim().min(1).max(120),
  password: z.string().min(8).max(200),
});
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

export const setUserActiveSchema = z.object({ active: z.boolean() });
