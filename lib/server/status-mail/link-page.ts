import { renderMailLinkPage, type MailLinkPage } from '@/lib/domain/status-mail/pages';

/** A confirm or unsubscribe page: never cached, and its code never leaves in a Referer. */
export function mailLinkResponse(page: MailLinkPage, status = 200): Response {
  return new Response(renderMailLinkPage(page), {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
}

export const codeOf = (request: Request) => new URL(request.url).searchParams.get('code');
