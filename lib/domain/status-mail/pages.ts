/**
 * The small pages behind the links in status mails (confirm, unsubscribe). They are whole HTML
 * documents answered by route handlers, because the unsubscribe link must also take the one-click
 * POST of RFC 8058 at the same address; no script, readable on a phone, light or dark.
 */
import { escapeXml } from '@/lib/domain/xml-text';

export type MailLinkPage = {
  title: string;
  message: string;
  /** A button that POSTs back to this same address (the unsubscribe page's). */
  button?: string;
  /** The status page, when the link is still live. */
  pageUrl?: string | null;
};

export function renderMailLinkPage(page: MailLinkPage): string {
  const e = escapeXml;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${e(page.title)} · War Room</title>
<style>
  :root { color-scheme: light dark; }
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; font-size: 16px; line-height: 1.5;
    background: Canvas; color: CanvasText; }
  main { max-width: 30rem; margin: 15vh auto 0; padding: 0 1.25rem; }
  h1 { font-size: 1.5rem; margin: 0 0 .75rem; }
  button { font: inherit; padding: .6rem 1.1rem; border-radius: .4rem; border: 0; background: #1d4ed8; color: #fff; cursor: pointer; }
  a { color: LinkText; }
</style></head>
<body><main>
<h1>${e(page.title)}</h1>
<p>${e(page.message)}</p>
${
  page.button
    ? `<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${e(page.button)}</button></form>`
    : ''
}
${page.pageUrl ? `<p><a href="${e(page.pageUrl)}">Open the status page</a></p>` : ''}
</main></body></html>
`;
}
