import { conditionalResponse } from '@/lib/server/http/conditional';
import { open } from '@/lib/server/http/route';
import { sharedStatus, statusFeed } from '@/lib/server/status/status-feeds';

export const dynamic = 'force-dynamic';

/** The status page's updates and state changes as an Atom feed, newest first. */
export const GET = open<{ token: string }>(async ({ request, params }) => {
  const body = await statusFeed(request, await sharedStatus(params.token));
  return conditionalResponse(request, body, {
    'Content-Type': 'application/atom+xml; charset=utf-8',
    'Cache-Control': 'no-cache',
  });
});
