import { authed, json } from '@/lib/server/http/route';
import { getMailPanel } from '@/lib/server/status-mail/manage';

export const dynamic = 'force-dynamic';

/** {mailEnabled, confirmed}: for the IC and comms, beside the share links. */
export const GET = authed<{ id: string }>(async ({ params, actor }) => json(await getMailPanel(actor, params.id)));
