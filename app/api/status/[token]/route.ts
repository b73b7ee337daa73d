import { AppError } from '@/lib/server/errors';
import { json, open } from '@/lib/server/http/route';
import { findActiveShareLink } from '@/lib/server/share-links/share-token';
import { getPublicStatus } from '@/lib/server/status/public-status-cache';

export const dynamic = 'force-dynamic';

/** The public snapshot as JSON, for scripts and dashboards that hold a share link. */
export const GET = open<{ token: string }>(async ({ params }) => {
  const link = await findActiveShareLink(params.token);
  const status = link ? await getPublicStatus(link.deploymentId, link.showNames) : null;
  if (!status) throw new AppError('not_found', 'This status link does not exist or was revoked.');
  return json(status, 200, { 'Cache-Control': 'no-store' });
});
