import { z } from 'zod';
import { ITEM_STATUSES, MAX_NOTE_LENGTH } from '@/lib/domain/items';

/** PATCH /api/deployments/:id/items/:itemId — also used by the checklist UI. */
export const updateItemSchema = z.object({
  status: z.enum(ITEM_STATUSES),
  note: z.string().max(MAX_NOTE_LENGTH).nullish(),
  version: z.number().int().positive(),
});
export type UpdateItemInput = z.infer<typeof updateItemSchema>;
