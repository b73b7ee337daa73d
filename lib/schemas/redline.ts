import { REDLINE_KINDS } from '@/lib/domain/redlines';
import { z } from '@/lib/zod';

/**
 * POST /api/deployments/:id/redlines — also used by the "Propose a change" form. A missing
 * reason and an empty patch are told apart by the command (reason_required, invalid_body), so
 * the form can say which field is missing.
 */
export const proposeRedlineSchema = z
  .object({
    itemId: z.string().min(1).max(100).optional(),
    kind: z.enum(REDLINE_KINDS),
    after: z.string().min(1).max(100).optional(),
    patch: z
      .object({
        title: z.string().trim().min(1).max(2000).optional(),
        command: z.string().max(20000).nullable().optional(),
        expected: z.string().max(5000).nullable().optional(),
        plannedDurationMin: z.number().int().min(0).max(100_000).nullable().optional(),
      })
      .strict()
      .optional()
      .default({}),
    reason: z.string().max(2000).optional().default(''),
  })
  .strict();
export type ProposeRedlineInput = z.infer<typeof proposeRedlineSchema>;

/** POST /api/templates/:id/redlines/accept — several at once make one version. */
export const acceptRedlinesSchema = z.object({ ids: z.array(z.string().min(1).max(100)).min(1).max(200) }).strict();

/** POST /api/templates/:id/redlines/:redlineId/reject */
export const rejectRedlineSchema = z.object({ reason: z.string().max(2000).optional().default('') }).strict();
