import { CHECK_METHODS } from '@/lib/domain/checks';
import { z } from '@/lib/zod';

/** intervalSec, passesNeeded and autoTick: the same for every kind. */
const policy = {
  intervalSec: z.number().int().min(1).max(3600).default(10),
  passesNeeded: z.number().int().min(1, 'A check needs at least one pass.').max(20).default(1),
  autoTick: z.boolean().default(true),
};

/**
 * PUT /api/deployments/:id/items/:itemId/check. The URL is judged by the egress guard in the
 * command (422 outbound_refused), so its refusal keeps its own code.
 */
export const setCheckSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('http'),
      url: z
        .string()
        .trim()
        .max(2000)
        .refine(
          (value) => /^https?:\/\//i.test(value) && URL.canParse(value),
          'The URL must be an http:// or https:// URL.',
        ),
      method: z.enum(CHECK_METHODS).default('GET'),
      expectStatus: z.number().int().min(100).max(599).default(200),
      expectBodyContains: z
        .string()
        .min(1)
        .max(500)
        .nullish()
        .transform((v) => v ?? null),
      ...policy,
    })
    .strict(),
  z
    .object({
      kind: z.literal('prometheus'),
      query: z.string().trim().min(1).max(2000),
      comparison: z.enum(['>', '<']),
      value: z.number().finite(),
      ...policy,
    })
    .strict(),
  z.object({ kind: z.literal('ci'), ...policy }).strict(),
]);
export type SetCheckInput = z.infer<typeof setCheckSchema>;
