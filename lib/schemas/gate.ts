import { z } from '@/lib/zod';
import { MAX_REASON_LENGTH } from './lifecycle';

/** POST /api/deployments/:id/gates/:gateId/signoffs — approve or reject (a rejection needs a comment). */
export const signoffSchema = z.object({
  decision: z.enum(['approve', 'reject']),
  /** Needed only when the signer holds several of the gate's roles. */
  roleKey: z.string().trim().min(1).max(100).nullish(),
  comment: z.string().trim().max(MAX_REASON_LENGTH).nullish(),
});
export type SignoffInput = z.infer<typeof signoffSchema>;

/** POST /api/deployments/:id/gates/:gateId/override — the IC's go despite the sign-offs, with a reason. */
export const overrideSchema = z.object({
  reason: z.string().trim().max(MAX_REASON_LENGTH).nullish(),
  /** The gate version the IC looked at; when given, a gate changed since is refused as stale. */
  version: z.number().int().positive().nullish(),
});
export type OverrideInput = z.infer<typeof overrideSchema>;
