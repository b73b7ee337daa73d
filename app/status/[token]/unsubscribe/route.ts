import { open } from '@/lib/server/http/route';
import { unsubscribe, unsubscribeCodeValid } from '@/lib/server/status-mail/confirm-unsubscribe';
import { codeOf, mailLinkResponse } from '@/lib/server/status-mail/link-page';

export const dynamic = 'force-dynamic';

const invalid = () =>
  mailLinkResponse(
    { title: 'This link does not work', message: 'The unsubscribe link is invalid. Nothing was changed.' },
    404,
  );

/**
 * GET only asks (mail scanners open links; they must not unsubscribe anyone); the button, or a
 * mail client's one-click POST (RFC 8058, List-Unsubscribe-Post), unsubscribes.
 */
export const GET = open<{ token: string }>(async ({ request, params }) =>
  (await unsubscribeCodeValid(params.token, codeOf(request)))
    ? mailLinkResponse({
        title: 'Unsubscribe from this status page?',
        message: 'You will get no more emails about this go-live.',
        button: 'Unsubscribe',
      })
    : invalid(),
);

export const POST = open<{ token: string }>(async ({ request, params }) =>
  (await unsubscribe(params.token, codeOf(request))) === 'unsubscribed'
    ? mailLinkResponse({ title: 'Unsubscribed', message: 'You will get no more emails about this go-live.' })
    : invalid(),
);
