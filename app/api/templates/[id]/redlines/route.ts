import { REDLINE_STATUSES, type RedlineStatus } from '@/lib/domain/redlines';
import { AppError } from '@/lib/server/errors';
import { authed, json } from '@/lib/server/http/route';
import { listRedlines } from '@/lib/server/redlines/review-redlines';

export const dynamic = 'force-dynamic';

export const GET = authed<{ id: string }>(async ({ request, params, actor }) => {
  const status = new URL(request.url).searchParams.get('status');
  if (status !== null && !REDLINE_STATUSES.includes(status as RedlineStatus))
    throw new AppError('invalid_query', `status is one of ${REDLINE_STATUSES.join(', ')}.`);
  return json({ redlines: await listRedlines(actor, params.id, status as RedlineStatus | null) });
});
