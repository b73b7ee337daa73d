import 'server-only';
import { canCreateTemplates } from '@/lib/domain/template-access';
import { templateStats } from '@/lib/domain/template-definition';
import { ADMIN_TOKEN_USER_ID, type SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { loadTemplate, toTemplateDetail } from './load-template';
import { definitionOf } from './template-dto';
import { firstVersion } from './versions';

/** A copy anyone may take (and then owns), e.g. to adapt a shared runbook for another service. */
export async function duplicateTemplate(actor: SignedInActor, id: string, input: { name?: string }) {
  if (!canCreateTemplates(actor))
    throw new AppError(
      'forbidden',
      'This token may not create templates: it needs the write scope and no deployment limit.',
    );
  const row = await loadTemplate(id);
  const name = (input.name ?? `Copy of ${row.name}`).slice(0, 200);
  const definition = { ...definitionOf(row), name };
  const copy = await prisma.template.create({
    data: {
      name,
      description: row.description,
      definition: JSON.parse(JSON.stringify(definition)),
      stats: templateStats(definition),
      sourceMarkdown: row.sourceMarkdown,
      createdById: actor.userId === ADMIN_TOKEN_USER_ID ? null : actor.userId,
      // The copy starts its own history; its first version says where it came from.
      versions: firstVersion(definition, {
        sourceMarkdown: row.sourceMarkdown,
        actor,
        summary: `Copied from “${row.name}” version ${row.currentVersion}`,
      }),
    },
  });
  return toTemplateDetail(actor, copy);
}
