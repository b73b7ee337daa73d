import { z } from '@/lib/zod';

/** Headlines, not essays: they are read on phones by people outside the war room. */
export const MAX_STATUS_MESSAGE_LENGTH = 500;

/** POST /api/deployments/:id/status-updates */
export const postStatusUpdateSchema = z.object({
  message: z.string().trim().min(1, 'Write the update first.').max(MAX_STATUS_MESSAGE_LENGTH),
});
export type PostStatusUpdateInput = z.infer<typeof postStatusUpdateSchema>;

/** POST /api/deployments/:id/share-links — names of people stay hidden unless the IC says so. */
export const createShareLinkSchema = z.object({
  showNames: z.boolean().default(false),
});
export type CreateShareLinkInput = z.infer<typeof createShareLinkSchema>;

/** Share tokens are opaque; anything outside this shape is not worth a database lookup. */
export const shareTokenSchema = z.string().regex(/^ws_[A-Za-z0-9_-]{20,80}$/);
