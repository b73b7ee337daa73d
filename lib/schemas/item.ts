import { EVIDENCE_SOURCES, isHttpUrl, MAX_EVIDENCE_URL } from '@/lib/domain/evidence/proof';
import { ITEM_STATUSES, MAX_NOTE_LENGTH } from '@/lib/domain/items';
import { z } from '@/lib/zod';

/** PATCH /api/deployments/:id/items/:itemId — also used by the checklist UI. */
export const updateItemSchema = z.object({
  status: z.enum(ITEM_STATUSES),
  note: z.string().max(MAX_NOTE_LENGTH).nullish(),
  version: z.number().int().positive(),
});
export type UpdateItemInput = z.infer<typeof updateItemSchema>;

/** The same PATCH with a role instead of a state: the IC moves the step to another role. */
export const reassignItemSchema = z
  .object({
    roleKey: z.string().trim().min(1, 'Say which role takes the step.').max(40),
    version: z.number().int().positive(),
  })
  .strict();
export type ReassignItemInput = z.infer<typeof reassignItemSchema>;

/** A body with `roleKey` reassigns; any other body is a tick. */
export const isReassignBody = (raw: unknown): boolean => typeof raw === 'object' && raw !== null && 'roleKey' in raw;

/** POST /api/deployments/:id/items/reassign — every step of one section (or the given steps) to one role. */
export const reassignSectionSchema = z
  .object({
    phaseId: z.string().min(1).max(100),
    /** null: the phase's steps that have no section. */
    section: z.string().max(300).nullable(),
    roleKey: z.string().trim().min(1, 'Say which role takes the steps.').max(40),
    /** Only the steps now held by this role (e.g. "everything the DBA had in this section"). */
    fromRoleKey: z.string().trim().min(1).max(40).optional(),
  })
  .strict();
export type ReassignSectionInput = z.infer<typeof reassignSectionSchema>;

/**
 * POST /api/deployments/:id/items/:itemId/evidence — pasted output and/or a link; `status: "done"`
 * ticks the item in the same event. The text's size (256 KB) is checked by the command (413), and
 * "neither text nor url" too (422 evidence_required), so both answer with their own code.
 */
export const attachEvidenceSchema = z
  .object({
    text: z.string().nullish(),
    url: z
      .string()
      .trim()
      .max(MAX_EVIDENCE_URL, `A link is at most ${MAX_EVIDENCE_URL} characters.`)
      .refine(isHttpUrl, 'The link must be an http:// or https:// URL.')
      .nullish()
      .or(z.literal('').transform(() => null)),
    source: z.enum(EVIDENCE_SOURCES).default('manual'),
    status: z.literal('done').optional(),
    /** With `status`: the version the client read (409 when stale); without, the tick lands on the current one. */
    version: z.number().int().positive().optional(),
  })
  .strict();
export type AttachEvidenceInput = z.infer<typeof attachEvidenceSchema>;
