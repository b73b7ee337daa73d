import { conditionalResponse } from '@/lib/server/http/conditional';
import { open } from '@/lib/server/http/route';
import { sharedStatus, statusCalendar } from '@/lib/server/status/status-feeds';

export const dynamic = 'force-dynamic';

/** The planned go-live window as an iCalendar event: same UID always, a higher SEQUENCE when it moves. */
export const GET = open<{ token: string }>(async ({ request, params }) => {
  const body = await statusCalendar(request, await sharedStatus(params.token));
  return conditionalResponse(request, body, {
    'Content-Type': 'text/calendar; charset=utf-8',
    'Content-Disposition': 'inline; filename="go-live.ics"',
    'Cache-Control': 'no-cache',
  });
});
