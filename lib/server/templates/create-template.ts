import 'server-only';
import { canCreateTemplates } from '@/lib/domain/template-access';
import type { TemplateDefinition } from '@/lib/domain/template-definition';
import { templateReferenceProblem } from '@/lib/domain/template-references';
import { ADMIN_TOKEN_USER_ID, type SignedInActor } from '@/lib/server/auth/get-actor';
import { runOffThread } from '@/lib/server/cpu-pool/pool';
import { prisma } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { importRunbook } from './import-runbook';
import { toTemplateDetail } from './load-template';
import type { EditedTemplate, RunbookSource } from './read-runbook-request';
import { firstVersion } from './versions';

/**
 * Adds a template to the library, from Markdown (parsed here, exactly as the preview was) or from
 * the edited preview JSON. A plain insert: templates have no deployment, so no event is written.
 */
export async function createTemplate(actor: SignedInActor, input: RunbookSource | EditedTemplate) {
  if (!canCreateTemplates(actor))
    throw new AppError(
      'forbidden',
      'This token may not create templates: it needs the write scope and no deployment limit.',
    );
  let definition: TemplateDefinition;
  let sourceMarkdown: string | null;
  let warnings: { line: number; message: string }[] = [];
  if (input.kind === 'markdown') {
    const parsed = await importRunbook(input);
    definition = parsed.template;
    warnings = parsed.warnings;
    sourceMarkdown = input.markdown;
  } else {
    definition = input.template;
    sourceMarkdown = input.sourceMarkdown;
  }
  const stored = await validateForStorage(definition);
  const row = await prisma.template.create({
    data: {
      name: stored.definition.name,
      description: stored.definition.description.slice(0, 10000),
      definition: JSON.parse(JSON.stringify(stored.definition)),
      // The list's summary, kept beside the definition so listing never re-reads the definition.
      stats: stored.stats,
      sourceMarkdown,
      createdById: actor.userId === ADMIN_TOKEN_USER_ID ? null : actor.userId,
      versions: firstVersion(stored.definition, {
        sourceMarkdown,
        actor,
        summary: input.summary?.trim() || (input.kind === 'markdown' ? 'Imported from Markdown' : 'Created'),
      }),
    },
  });
  return { ...(await toTemplateDetail(actor, row)), warnings };
}

/**
 * The definition as it will be stored, with its summary: role references and the schema checked
 * on the CPU pool (a 5 000-item definition is tens of milliseconds of zod). Refusals are 422.
 */
export async function validateForStorage(definition: unknown) {
  const result = await runOffThread('validateTemplate', { definition, checkReferences: true });
  if (!result.ok) throw new AppError('invalid_body', result.message);
  return result;
}

/**
 * An edited preview could name roles that are not declared; a deployment would silently hand such
 * items to the IC, so refuse with words instead.
 */
export function checkReferences(definition: TemplateDefinition) {
  const problem = templateReferenceProblem(definition);
  if (problem) throw new AppError('invalid_body', problem);
}
