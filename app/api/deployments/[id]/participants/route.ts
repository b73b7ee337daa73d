import { addParticipantSchema } from '@/lib/schemas/participant';
import { authed, json, readJson } from '@/lib/server/http/route';
import { addParticipant } from '@/lib/server/participants/add-participant';

export const dynamic = 'force-dynamic';

export const POST = authed<{ id: string }>(async ({ request, params, actor }) => {
  const input = await readJson(request, addParticipantSchema);
  return json(await addParticipant(actor, params.id, input), 201);
});
