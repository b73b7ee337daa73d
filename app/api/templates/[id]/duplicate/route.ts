import { duplicateTemplateSchema } from '@/lib/schemas/template';
import { authed, json, readJson } from '@/lib/server/http/route';
import { duplicateTemplate } from '@/lib/server/templates/duplicate-template';

export const dynamic = 'force-dynamic';

export const POST = authed<{ id: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, duplicateTemplateSchema);
  return json(await duplicateTemplate(actor, params.id, input), 201);
});
