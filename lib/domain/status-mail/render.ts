/**
 * Status mails as people read them on a phone: a short subject, plain text, and simple HTML (one
 * narrow column, no images, no scripts) with the same words. Every mail names the deployment,
 * says REHEARSAL for a rehearsal, and links to the status page; mails to subscribers end with the
 * one-click unsubscribe link.
 */
import { escapeXml } from '@/lib/domain/xml-text';
import type { MailLine } from './mail-events';

export type MailFrame = {
  deploymentName: string;
  rehearsal: boolean;
  pageUrl: string;
  /** Null for a test mail to a signed-in person (they are not a subscriber). */
  unsubscribeUrl: string | null;
};

export type RenderedMail = { subject: string; text: string; html: string };

const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;
const SUBJECT_MAX = 120;

function subjectOf(frame: MailFrame, what: string): string {
  const subject = `${frame.rehearsal ? '[REHEARSAL] ' : ''}${frame.deploymentName}: ${what}`.replace(/\s+/g, ' ');
  return subject.length <= SUBJECT_MAX ? subject : `${subject.slice(0, SUBJECT_MAX - 1)}…`;
}

type Block = { heading?: string; paragraphs: string[]; action?: { label: string; url: string } };

function compose(frame: MailFrame, subject: string, blocks: Block[]): RenderedMail {
  const title = `${frame.rehearsal ? 'REHEARSAL · ' : ''}${frame.deploymentName}`;
  const footer = frame.unsubscribeUrl
    ? `You get this because you subscribed to this status page. Unsubscribe: ${frame.unsubscribeUrl}`
    : 'You get this because you asked for a test mail in War Room.';
  const text = [
    title,
    '',
    ...blocks.flatMap((block) => [
      ...(block.heading ? [block.heading] : []),
      ...block.paragraphs,
      ...(block.action ? [`${block.action.label}: ${block.action.url}`] : []),
      '',
    ]),
    `Status page: ${frame.pageUrl}`,
    '',
    footer,
    '',
  ].join('\n');
  const e = escapeXml;
  const html = [
    '<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(subject)}</title></head>`,
    '<body style="margin:0;padding:16px;font-family:system-ui,-apple-system,Segoe UI,sans-serif;font-size:16px;line-height:1.5;color:#111;background:#fff">',
    '<div style="max-width:560px;margin:0 auto">',
    frame.rehearsal
      ? '<p style="display:inline-block;margin:0 0 8px;padding:2px 8px;border:2px solid #b45309;color:#b45309;font-weight:700;letter-spacing:.05em">REHEARSAL</p>'
      : '',
    `<h1 style="font-size:20px;margin:0 0 16px">${e(frame.deploymentName)}</h1>`,
    ...blocks.map((block) =>
      [
        block.heading ? `<h2 style="font-size:17px;margin:16px 0 4px">${e(block.heading)}</h2>` : '',
        ...block.paragraphs.map((p) => `<p style="margin:0 0 8px;white-space:pre-wrap">${e(p)}</p>`),
        block.action
          ? `<p style="margin:12px 0"><a href="${e(block.action.url)}" style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#fff;text-decoration:none;border-radius:6px">${e(block.action.label)}</a></p>`
          : '',
      ].join(''),
    ),
    `<p style="margin:16px 0"><a href="${e(frame.pageUrl)}">Open the status page</a></p>`,
    `<p style="margin:24px 0 0;font-size:13px;color:#555">${
      frame.unsubscribeUrl
        ? `You get this because you subscribed to this status page. <a href="${e(frame.unsubscribeUrl)}">Unsubscribe</a>`
        : 'You get this because you asked for a test mail in War Room.'
    }</p>`,
    '</div></body></html>',
  ].join('\n');
  return { subject, text, html };
}

/** The double opt-in mail: nothing is sent to this address until its link is opened. */
export function confirmationMail(frame: MailFrame, confirmUrl: string): RenderedMail {
  return compose(frame, subjectOf(frame, 'confirm your subscription'), [
    {
      paragraphs: [
        'Someone (hopefully you) asked to get email updates about this go-live. Open the link to confirm; if it was not you, ignore this mail and nothing more will come.',
      ],
      action: { label: 'Confirm subscription', url: confirmUrl },
    },
  ]);
}

/** One mail for a burst of events. */
export function updateMail(frame: MailFrame, lines: readonly MailLine[]): RenderedMail {
  const what = lines.length === 1 ? lines[0].title : `${lines.length} updates`;
  return compose(
    frame,
    subjectOf(frame, what),
    lines.map((line) => ({
      heading: `${line.title} · ${utc(line.at)}`,
      paragraphs: [line.text === line.title ? '' : line.text, line.author ? `— ${line.author}` : ''].filter(Boolean),
    })),
  );
}

/** T-minus reminder before the planned start. */
export function reminderMail(frame: MailFrame, plannedAt: string, minutesBefore: number): RenderedMail {
  return compose(frame, subjectOf(frame, `starts in ${minutesBefore} min`), [
    { paragraphs: [`The go-live is planned to start at ${utc(plannedAt)} (in about ${minutesBefore} minutes).`] },
  ]);
}

/** What the IC or comms send themselves to check the mail setup. */
export function testMail(frame: MailFrame): RenderedMail {
  return compose(frame, subjectOf(frame, 'test mail'), [
    {
      paragraphs: [
        'This is a test mail: status mails to subscribers of this deployment reach their inboxes like this one.',
      ],
    },
  ]);
}
