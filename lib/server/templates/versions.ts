import 'server-only';
import type { TemplateVersionSummary } from '@/lib/contracts/templates';
import { templateDefinitionSchema, templateStats, type TemplateDefinition } from '@/lib/domain/template-definition';
import { ADMIN_TOKEN_USER_ID, type SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma, type Tx } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { definitionOf, readDefinition, type TemplateRow } from './template-dto';

/**
 * Template versions: a template is a series of immutable versions (TemplateVersion rows, never
 * updated), and `Template.definition` is always a copy of the newest one, `currentVersion`. Every
 * change to a template's content goes through `saveTemplateVersion`, inside one transaction that
 * holds the template's row lock, so two editors at once get versions n+1 and n+2, never two n+1.
 */

type Db = Tx | typeof prisma;

const toJson = (definition: TemplateDefinition) => JSON.parse(JSON.stringify(definition));

/** Who made a version, as stored with it: the admin token has no account. */
export function versionAuthor(actor: SignedInActor) {
  return actor.userId === ADMIN_TOKEN_USER_ID
    ? { createdById: null, createdByName: 'Admin' }
    : { createdById: actor.userId, createdByName: actor.name };
}

/** The nested create for a new template's first version (`prisma.template.create({ data: { versions } })`). */
export function firstVersion(
  definition: TemplateDefinition,
  input: { sourceMarkdown?: string | null; summary: string; actor?: SignedInActor | null },
) {
  return {
    create: {
      version: 1,
      definition: toJson(definition),
      sourceMarkdown: input.sourceMarkdown ?? null,
      summary: input.summary.slice(0, 200),
      ...(input.actor ? versionAuthor(input.actor) : {}),
    },
  };
}

/**
 * Makes sure the template's current version has its row: templates made before versions existed
 * (or by a path that wrote only the Template row) get it from the row as it stands.
 */
export async function snapshotCurrentVersion(db: Db, templateId: string) {
  await db.$executeRaw`
    INSERT INTO "TemplateVersion" ("id", "templateId", "version", "definition", "sourceMarkdown", "summary", "createdById", "createdByName", "createdAt")
    SELECT 'v' || t."currentVersion" || '_' || t."id", t."id", t."currentVersion", t."definition", t."sourceMarkdown",
           'Version ' || t."currentVersion", t."createdById",
           COALESCE((SELECT u."name" FROM "user" u WHERE u."id" = t."createdById"), ''), t."updatedAt"
    FROM "Template" t WHERE t."id" = ${templateId}
    ON CONFLICT ("templateId", "version") DO NOTHING`;
}

/** The content a version is made of, in a canonical form: the name is the template's label, not content. */
function content(definition: TemplateDefinition): string {
  const parsed = templateDefinitionSchema.parse(definition);
  return JSON.stringify({ ...parsed, name: '' });
}

export type SaveVersionInput = {
  definition: TemplateDefinition;
  summary: string;
  /** The version the editor started from: a newer one meanwhile is 409 stale_version. */
  baseVersion?: number;
  sourceMarkdown?: string | null;
  /** Also rename the template (the editor's name field). */
  name?: string;
};

/**
 * Adds the next version, unless the content is the same as the current one (then `created` is
 * false and nothing is written but a rename). Runs in its own transaction unless given one.
 */
export async function saveTemplateVersion(
  actor: SignedInActor,
  templateId: string,
  input: SaveVersionInput,
  db?: Tx,
): Promise<{ row: TemplateRow; created: boolean }> {
  if (!db) return prisma.$transaction((tx) => saveTemplateVersion(actor, templateId, input, tx));
  const locked = await db.$queryRaw<{ currentVersion: number }[]>`
    SELECT "currentVersion" FROM "Template" WHERE "id" = ${templateId} FOR UPDATE`;
  if (!locked.length) throw new AppError('not_found', 'No such template. It may have been deleted.');
  const current = locked[0].currentVersion;
  if (input.baseVersion !== undefined && input.baseVersion !== current)
    throw new AppError(
      'stale_version',
      `Someone saved version ${current} while you were editing version ${input.baseVersion}. Reload the template, look at what changed, and make your change again.`,
      { currentVersion: current },
    );
  await snapshotCurrentVersion(db, templateId);
  const row = await db.template.findUniqueOrThrow({ where: { id: templateId } });
  const name = input.name ?? row.name;
  const definition = { ...input.definition, name };
  if (content(definition) === content(definitionOf(row))) {
    const renamed =
      name === row.name
        ? row
        : await db.template.update({
            where: { id: templateId },
            data: { name, definition: toJson({ ...definitionOf(row), name }) },
          });
    return { row: renamed, created: false };
  }
  const updated = await db.template.update({
    where: { id: templateId },
    data: {
      name,
      description: definition.description.slice(0, 10000),
      definition: toJson(definition),
      // The list's summary stays in step with the definition.
      stats: templateStats(definition),
      ...(input.sourceMarkdown !== undefined ? { sourceMarkdown: input.sourceMarkdown } : {}),
      currentVersion: { increment: 1 },
    },
  });
  await db.templateVersion.create({
    data: {
      templateId,
      version: updated.currentVersion,
      definition: toJson(definition),
      sourceMarkdown: updated.sourceMarkdown,
      summary: input.summary.slice(0, 200),
      ...versionAuthor(actor),
    },
  });
  return { row: updated, created: true };
}

const summaryOf = (v: {
  version: number;
  createdAt: Date;
  createdById: string | null;
  createdByName: string;
  summary: string;
}): TemplateVersionSummary => ({
  version: v.version,
  createdAt: v.createdAt.toISOString(),
  createdBy: v.createdByName || null,
  createdById: v.createdById,
  summary: v.summary,
});

async function ensureTemplate(templateId: string) {
  const row = await prisma.template.findUnique({ where: { id: templateId }, select: { id: true, name: true } });
  if (!row) throw new AppError('not_found', 'No such template. It may have been deleted.');
  await snapshotCurrentVersion(prisma, templateId);
  return row;
}

/** Every version of a template, newest first. */
export async function listTemplateVersions(templateId: string): Promise<TemplateVersionSummary[]> {
  await ensureTemplate(templateId);
  const rows = await prisma.templateVersion.findMany({
    where: { templateId },
    orderBy: { version: 'desc' },
    select: { version: true, createdAt: true, createdById: true, createdByName: true, summary: true },
  });
  return rows.map(summaryOf);
}

/** One version with its whole definition, as it was saved. */
export async function loadTemplateVersion(templateId: string, version: number) {
  const template = await ensureTemplate(templateId);
  const row = await prisma.templateVersion.findUnique({ where: { templateId_version: { templateId, version } } });
  if (!row) {
    const newest = await prisma.templateVersion.aggregate({ where: { templateId }, _max: { version: true } });
    throw new AppError(
      'unknown_version',
      `“${template.name}” has no version ${version}: its versions are 1 to ${newest._max.version ?? 1}.`,
      { currentVersion: newest._max.version ?? 1 },
    );
  }
  // Validated on the CPU pool like every whole definition read on a request path; the template's name.
  const { definition } = await readDefinition({ definition: row.definition, name: template.name });
  return { ...summaryOf(row), definition };
}

/** One version's history line. */
export async function templateVersionSummary(templateId: string, version: number, db: Db = prisma) {
  const row = await db.templateVersion.findUniqueOrThrow({ where: { templateId_version: { templateId, version } } });
  return summaryOf(row);
}

/**
 * A version number from the URL (`/versions/:v`, `?from=`, `?to=`): whole numbers from 1, else
 * 400 invalid_query naming the parameter.
 */
export function parseVersionParam(value: string | null, name: string): number {
  if (value === null || value.trim() === '')
    throw new AppError('invalid_query', `Say which versions to compare: ?from=1&to=2 (${name} is missing).`);
  if (!/^\d{1,9}$/.test(value.trim()) || Number(value) < 1)
    throw new AppError('invalid_query', `${name} must be a version number (1, 2, …), not “${value.slice(0, 40)}”.`);
  return Number(value);
}
