import { AppError } from '@/lib/server/errors';
import { listEvents } from '@/lib/server/events/list-events';
import { authed, json } from '@/lib/server/http/route';

export const dynamic = 'force-dynamic';

function intParam(url: URL, name: string, fallback: number) {
  const raw = url.searchParams.get(name);
  if (raw === null || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0)
    throw new AppError('invalid_body', `${name} must be a non-negative integer.`);
  return value;
}

export const GET = authed<{ id: string }>(async ({ request, params, actor }) => {
  const url = new URL(request.url);
  return json(await listEvents(actor, params.id, intParam(url, 'after', 0), intParam(url, 'limit', 1000)));
});
