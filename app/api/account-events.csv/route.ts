import { authed } from '@/lib/server/http/route';
import { exportAccountEvents } from '@/lib/server/users/account-events';

export const dynamic = 'force-dynamic';

/** The account history as CSV for auditors (admins only), oldest first; `?person=<user id>` keeps one person's. */
export const GET = authed(async ({ request, actor }) => {
  const { csv, fileName } = await exportAccountEvents(actor, new URL(request.url).searchParams);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${fileName}"`,
      'cache-control': 'no-store',
    },
  });
});
