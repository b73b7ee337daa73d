import nodemailer, { type Transporter } from 'nodemailer';
import { env } from '@/lib/server/env';
import { processSingletonFor } from '@/lib/server/singleton';

/**
 * The SMTP connection of status mails, from SMTP_URL (smtp://user:pass@host:port, smtps://…).
 * SMTP does not go through the HTTP egress guard (lib/server/egress): the relay is operator
 * configuration, named once, not an address a user typed.
 */
export function mailEnabled(): boolean {
  return Boolean(env().SMTP_URL);
}

export function mailFrom(): string {
  return env().MAIL_FROM || 'War Room <war-room@localhost>';
}

const SEND_TIMEOUT_MS = 15_000;

function transporter(): Transporter {
  const smtpUrl = env().SMTP_URL!;
  return processSingletonFor('__warroomMailTransport', smtpUrl, () => {
    const url = new URL(smtpUrl);
    return nodemailer.createTransport({
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 25),
      secure: url.protocol === 'smtps:',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      connectionTimeout: SEND_TIMEOUT_MS,
      greetingTimeout: SEND_TIMEOUT_MS,
      socketTimeout: SEND_TIMEOUT_MS,
      logger: false,
      debug: false,
    });
  });
}

/** An error's message with the SMTP password (raw or URL-encoded) blanked: it goes to logs and rows. */
export function blankSecret(message: string): string {
  const smtpUrl = env().SMTP_URL;
  if (!smtpUrl) return message;
  let out = message;
  try {
    const url = new URL(smtpUrl);
    for (const secret of [url.password, decodeURIComponent(url.password)])
      if (secret) out = out.split(secret).join('***');
  } catch {
    // env() validated it; nothing to blank otherwise
  }
  return out.slice(0, 500);
}

export type OutgoingMail = { to: string; subject: string; text: string; html: string; unsubscribeUrl?: string };

/** Sends one mail; every mail to a subscriber carries the one-click unsubscribe headers (RFC 8058). */
export async function sendMail(mail: OutgoingMail): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    await transporter().sendMail({
      from: mailFrom(),
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.unsubscribeUrl
        ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
        : undefined,
    });
    return { ok: true };
  } catch (error) {
    return { ok: false, error: blankSecret(String((error as Error)?.message ?? error)) };
  }
}
