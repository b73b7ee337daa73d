import { DEFAULT_TOKEN_SCOPES, TOKEN_SCOPES } from '@/lib/domain/rbac';
import { z } from '@/lib/zod';

export const createUserSchema = z.object({
  email: z.email().max(320),
  name: z.string().trim().min(1).max(120),
  password: z.string().min(8).max(200),
  isAdmin: z.boolean().optional(),
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const createTokenSchema = z.object({
  name: z.string().trim().min(1).max(80),
  scopes: z
    .array(z.enum(TOKEN_SCOPES as [string, ...string[]]))
    .min(1)
    .default([...DEFAULT_TOKEN_SCOPES]),
  deploymentId: z.string().min(1).max(40).nullish(),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;
