import 'server-only';
import { canCreateTemplates } from '@/lib/domain/template-access';
import { templateDefinitionSchema, type TemplateDefinition } from '@/lib/domain/template-definition';
import { ADMIN_TOKEN_USER_ID, type SignedInActor } from '@/lib/server/auth/get-actor';
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
    const parsed = importRunbook(input);
    definition = parsed.template;
    warnings = parsed.warnings;
    sourceMarkdown = input.markdown;
  } else {
    definition = input.template;
    sourceMarkdown = input.sourceMarkdown;
  }
  checkReferences(definition);
  const stored = templateDefinitionSchema.parse(definition);
  const row = await prisma.template.create({
    data: {
      name: stored.name,
      description: stored.description.slice(0, 10000),
      definition: JSON.parse(JSON.stringify(stored)),
      sourceMarkdown,
      createdById: actor.userId === ADMIN_TOKEN_USER_ID ? null : actor.userId,
      versions: firstVersion(stored, {
        sourceMarkdown,
        actor,
        summary: input.summary?.trim() || (input.kind === 'markdown' ? 'Imported from Markdown' : 'Created'),
      }),
    },
  });
  return { ...(await toTemplateDetail(actor, row)), warnings };
}

/**
 * An edited preview could name roles that are not declared; a deployment would silently hand such
 * items to the IC, so refuse with words instead.
 */
export function checkReferences(definition: TemplateDefinition) {
  const keys = new Set(definition.roles.map((r) => r.key));
  if (keys.size !== definition.roles.length)
    throw new AppError('invalid_body', 'Two roles share one key; merge them in the role mapping first.');
  const missing = new Set<string>();
  const walk = (items: TemplateDefinition['phases'][number]['items']) => {
    for (const item of items) {
      if (!keys.has(item.roleKey)) missing.add(item.roleKey);
      walk(item.children);
    }
  };
  for (const phase of definition.phases) {
    walk(phase.items);
    for (const gate of phase.gates) for (const key of gate.requiredRoles) if (!keys.has(key)) missing.add(key);
  }
  if (missing.size)
    throw new AppError('invalid_body', `The template uses roles it does not declare: ${[...missing].join(', ')}.`);
}
