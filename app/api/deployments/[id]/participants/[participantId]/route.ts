import { authed, json } from '@/lib/server/http/route';
import { removeParticipant } from '@/lib/server/participants/remove-participant';

export const dynamic = 'force-dynamic';

export const DELETE = authed<{ id: string; participantId: string }>(async ({ params, actor }) =>
  json(await removeParticipant(actor, params.id, params.participantId)),
);
