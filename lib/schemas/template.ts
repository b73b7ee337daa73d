import { templateDefinitionSchema } from '@/lib/domain/template-definition';
import { z } from '@/lib/zod';

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
});

/** The import preview after the user edited it (role names, template name), sent back as JSON. */
export const templateJsonSchema = z.object({
  template: templateDefinitionSchema,
  sourceMarkdown: z.string().optional(),
});

export const renameTemplateSchema = z.object({
  name: z.string().trim().min(1, 'Give the template a name.').max(200),
  description: z.string().trim().max(10000).optional(),
  /** The template editor: owners moved, roles added, renamed or removed. */
  definition: templateDefinitionSchema.optional(),
});

export const duplicateTemplateSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
});
