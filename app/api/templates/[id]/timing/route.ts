import { AppError } from '@/lib/server/errors';
import { authed, json } from '@/lib/server/http/route';
import { getTemplateTiming } from '@/lib/server/templates/get-template-timing';

export const dynamic = 'force-dynamic';

/** `?rehearsal=true` rehearsals only, `?rehearsal=false` go-lives only, nothing: every run. */
export const GET = authed<{ id: string }>(async ({ request, params }) => {
  const value = new URL(request.url).searchParams.get('rehearsal');
  if (value !== null && value !== 'true' && value !== 'false')
    throw new AppError('invalid_query', 'rehearsal is true (rehearsals only) or false (go-lives only).');
  return json(await getTemplateTiming(params.id, value === null ? null : value === 'true'));
});
