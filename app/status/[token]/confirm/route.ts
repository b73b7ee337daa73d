import { open } from '@/lib/server/http/route';
import { confirmSubscription } from '@/lib/server/status-mail/confirm-unsubscribe';
import { codeOf, mailLinkResponse } from '@/lib/server/status-mail/link-page';

export const dynamic = 'force-dynamic';

/** The link in the confirmation mail: activates the subscription and says so. */
export const GET = open<{ token: string }>(async ({ request, params }) => {
  const outcome = await confirmSubscription(params.token, codeOf(request));
  return outcome === 'confirmed'
    ? mailLinkResponse({
        title: 'Subscription confirmed',
        message:
          'You will get an email when the go-live is scheduled or moved, starts, changes state, and for each status update.',
        pageUrl: `/status/${params.token}`,
      })
    : mailLinkResponse(
        {
          title: 'This link does not work',
          message: 'The confirmation link is invalid, or the status page was withdrawn. Nothing was changed.',
        },
        404,
      );
});
