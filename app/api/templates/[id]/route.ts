import { renameTemplateSchema } from '@/lib/schemas/template';
import { authed, json, readJson } from '@/lib/server/http/route';
import { deleteTemplate } from '@/lib/server/templates/delete-template';
import { getTemplate } from '@/lib/server/templates/get-template';
import { renameTemplate } from '@/lib/server/templates/rename-template';

export const dynamic = 'force-dynamic';

export const GET = authed<{ id: string }>(async ({ params, actor }) => json(await getTemplate(actor, params.id)));

export const PATCH = authed<{ id: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, renameTemplateSchema);
  return json(await renameTemplate(actor, params.id, input));
});

export const DELETE = authed<{ id: string }>(async ({ params, actor }) => json(await deleteTemplate(actor, params.id)));
