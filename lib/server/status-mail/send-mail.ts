import { mailLines, MAIL_EVENT_TYPES } from '@/lib/domain/status-mail/mail-events';
import {
  confirmationMail,
  reminderMail,
  testMail,
  updateMail,
  type MailFrame,
  type RenderedMail,
} from '@/lib/domain/status-mail/render';
import { afterFailure } from '@/lib/domain/webhooks';
import { prisma } from '@/lib/server/db';
import { logger } from '@/lib/server/logger';
import { retryPolicy } from '@/lib/server/webhooks/process-delivery';
import { storedSubscriptionCode, unseal } from './mail-secrets';
import { sendMail } from './transport';

type Loaded = NonNullable<Awaited<ReturnType<typeof load>>>;

function load(mailId: string) {
  return prisma.statusMail.findUnique({
    where: { id: mailId },
    include: {
      deployment: { select: { id: true, name: true, rehearsal: true, state: true, goLiveAt: true } },
      subscription: { include: { shareLink: { select: { showNames: true, revokedAt: true } } } },
    },
  });
}

type Rendered = { to: string; mail: RenderedMail; unsubscribeUrl?: string } | { cancel: string };

/** Renders now, from what is true now: a revoked link, an unsubscribe or a moved go-live cancels. */
async function render(row: Loaded, now: Date): Promise<Rendered> {
  const { deployment, subscription } = row;
  const frameOf = (pageUrl: string, unsubscribeUrl: string | null): MailFrame => ({
    deploymentName: deployment.name,
    rehearsal: deployment.rehearsal,
    pageUrl,
    unsubscribeUrl,
  });
  if (row.kind === 'test') {
    if (!row.toAddress || !row.link) return { cancel: 'no address' };
    return { to: row.toAddress, mail: testMail(frameOf(row.link, null)) };
  }
  if (!subscription) return { cancel: 'subscription deleted' };
  if (subscription.shareLink.revokedAt) return { cancel: 'share link revoked' };
  if (subscription.unsubscribedAt) return { cancel: 'unsubscribed' };
  const pageUrl = unseal(subscription.linkSealed);
  const unsubscribeCode = storedSubscriptionCode('unsubscribe', subscription.id, subscription.unsubscribeHash);
  // Sealed and coded with an audit key the server no longer has (not in AUDIT_KEY_PREVIOUS).
  if (!pageUrl || !unsubscribeCode) return { cancel: 'page link cannot be unsealed (audit key changed)' };
  const unsubscribeUrl = `${pageUrl}/unsubscribe?code=${unsubscribeCode}`;
  const frame = frameOf(pageUrl, unsubscribeUrl);
  const to = subscription.email;
  if (row.kind === 'confirm') {
    if (subscription.confirmedAt) return { cancel: 'already confirmed' };
    const confirmCode = storedSubscriptionCode('confirm', subscription.id, subscription.confirmHash);
    if (!confirmCode) return { cancel: 'page link cannot be unsealed (audit key changed)' };
    const confirmUrl = `${pageUrl}/confirm?code=${confirmCode}`;
    return { to, mail: confirmationMail(frame, confirmUrl), unsubscribeUrl };
  }
  if (!subscription.confirmedAt) return { cancel: 'not confirmed' };
  if (row.kind === 'reminder') {
    const planned = row.plannedAt;
    if (!planned || deployment.state !== 'planned' || deployment.goLiveAt.getTime() !== planned.getTime())
      return { cancel: 'go-live moved or started' };
    if (planned <= now) return { cancel: 'planned start passed' };
    const minutes = Math.max(1, Math.round((planned.getTime() - now.getTime()) / 60_000));
    return { to, mail: reminderMail(frame, planned.toISOString(), minutes), unsubscribeUrl };
  }
  const events = await prisma.event.findMany({
    where: {
      deploymentId: deployment.id,
      seq: { gt: row.fromSeq ?? 0, lte: row.toSeq ?? 0 },
      type: { in: [...MAIL_EVENT_TYPES] },
    },
    orderBy: { seq: 'asc' },
    select: { seq: true, type: true, at: true, actorName: true, payload: true },
  });
  const lines = mailLines(
    events.map((e) => ({ ...e, data: (e.payload ?? {}) as Record<string, unknown> })),
    subscription.shareLink.showNames,
  );
  if (lines.length === 0) return { cancel: 'nothing to tell' };
  return { to, mail: updateMail(frame, lines), unsubscribeUrl };
}

/**
 * One attempt at one claimed mail: sent, cancelled, retrying at the webhooks' backoff, or failed
 * for good. Returns the delay before a retry, if any.
 */
export async function processMail(mailId: string, now = new Date()): Promise<number | null> {
  const row = await load(mailId);
  if (!row) return null;
  const rendered = await render(row, now);
  if ('cancel' in rendered) {
    await prisma.statusMail.update({
      where: { id: mailId },
      data: { status: 'cancelled', lastError: rendered.cancel },
    });
    return null;
  }
  const result = await sendMail({ to: rendered.to, ...rendered.mail, unsubscribeUrl: rendered.unsubscribeUrl });
  const attempts = row.attempts + 1;
  if (result.ok) {
    await prisma.statusMail.update({
      where: { id: mailId },
      data: { status: 'sent', attempts, lastError: null, sentAt: new Date() },
    });
    return null;
  }
  const next = afterFailure(attempts, retryPolicy());
  await prisma.statusMail.update({
    where: { id: mailId },
    data: {
      status: next.status,
      attempts,
      lastError: result.error,
      ...(next.status === 'retrying' ? { nextAttemptAt: new Date(Date.now() + next.delayMs) } : {}),
    },
  });
  // Never the address (personal data) and never the SMTP password (blanked by sendMail).
  logger.warn('status_mail.attempt_failed', {
    mailId,
    kind: row.kind,
    attempts,
    error: result.error,
    next: next.status,
  });
  return next.status === 'retrying' ? next.delayMs : null;
}
