import { templateDefinitionSchema } from '@/lib/domain/template-definition';
import { z } from '@/lib/zod';

/** One line for a template version's history ("Rollback step fixed"). */
export const versionSummarySchema = z.string().trim().max(200, 'Keep the summary to one line (200 characters).');
export const versionNumberSchema = z.number().int().min(1);

/** Raw role name from the runbook ("DBA-001") → the role key it should become ("dba"). */
export const roleMappingSchema = z
  .record(z.string().trim().min(1).max(120), z.string().trim().min(1).max(40))
  .refine((mapping) => Object.keys(mapping).length <= 300, 'At most 300 role names can be mapped.');
export type RoleMapping = z.infer<typeof roleMappingSchema>;

/** Role key → the display name the user gave it in the import preview. */
export const roleNamesSchema = z
  .record(z.string().max(40), z.string().trim().min(1).max(120))
  .refine((names) => Object.keys(names).length <= 300, 'At most 300 roles can be renamed.');
export type RoleNames = z.infer<typeof roleNamesSchema>;

/** JSON form of a parse / create request: the Markdown plus the user's role mapping and role names. */
export const runbookJsonSchema = z.object({
  markdown: z.string(),
  roleMapping: roleMappingSchema.optional(),
  roleNames: roleNamesSchema.optional(),
  name: z.string().trim().min(1).max(200).optional(),
  /** False: steps the runbook gives no owner stay with the IC instead of a suggested role. */
  suggestRoles: z.boolean().optional(),
  /** Importing into an existing template: the new version's one-line summary and the version it replaces. */
  summary: versionSummarySchema.optional(),
  baseVersion: versionNumberSchema.optional(),
});

/** The import preview after the user edited it (role names, template name), sent back as JSON. */
export const templateJsonSchema = z.object({
  template: templateDefinitionSchema,
  sourceMarkdown: z.string().optional(),
  summary: versionSummarySchema.optional(),
  baseVersion: versionNumberSchema.optional(),
});

export const renameTemplateSchema = z.object({
  name: z.string().trim().min(1, 'Give the template a name.').max(200),
  description: z.string().trim().max(10000).optional(),
  /** The template editor: owners moved, roles added, renamed or removed. */
  definition: templateDefinitionSchema.optional(),
  /** One line for the version history when the content changes. */
  summary: versionSummarySchema.optional(),
  /** The version the editor started from; a newer one saved meanwhile is 409 stale_version. */
  baseVersion: versionNumberSchema.optional(),
});

export const duplicateTemplateSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
});
