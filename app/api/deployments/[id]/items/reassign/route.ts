import { reassignSectionSchema } from '@/lib/schemas/item';
import { reassignSection } from '@/lib/server/checklist/reassign-item';
import { authed, json, readJson } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

/** The IC moves every step of one section (optionally only one role's) to another role. */
export const POST = authed<{ id: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, reassignSectionSchema);
  return json(await reassignSection(actor, params.id, input));
});
