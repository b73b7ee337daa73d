import { conditionalResponse } from '@/lib/server/http/conditional';
import { open } from '@/lib/server/http/route';
import { sharedStatus, statusBadgeSvg } from '@/lib/server/status/status-feeds';

export const dynamic = 'force-dynamic';

/** Short: a wiki shows a state at most this old, and a revoked link's badge is gone as soon. */
const BADGE_MAX_AGE_S = 30;

/** "go-live · in progress 42 %" as an SVG badge for wikis and READMEs: cached briefly, revalidated by ETag. */
export const GET = open<{ token: string }>(async ({ request, params }) => {
  const body = statusBadgeSvg(await sharedStatus(params.token));
  return conditionalResponse(request, body, {
    'Content-Type': 'image/svg+xml; charset=utf-8',
    'Cache-Control': `public, max-age=${BADGE_MAX_AGE_S}`,
  });
});
