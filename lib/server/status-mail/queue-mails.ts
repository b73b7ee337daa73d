import { cursorDecision } from '@/lib/domain/status-mail/bundle';
import { MAIL_EVENT_TYPES } from '@/lib/domain/status-mail/mail-events';
import { prisma } from '@/lib/server/db';
import { env } from '@/lib/server/env';

/**
 * Turns the event log into mails owed (the worker, on the leader). Each deployment with
 * subscribers has a cursor: the last seq looked at. New mailable events become one `update` mail
 * per active subscriber, in the same transaction that moves the cursor, so a crash can neither
 * lose nor double a mail. What a mail says is rendered when it is sent (lib/server/status-mail/send-mail.ts).
 */
type Due = { deploymentId: string; seq: number; lastMailAt: Date | null; headSeq: number };

/** Active subscribers: confirmed, not unsubscribed, and their share link not revoked. */
const ACTIVE_SUBSCRIBERS = `
  FROM "StatusSubscription" s JOIN "ShareLink" l ON l."id" = s."shareLinkId"
  WHERE s."deploymentId" = $1 AND s."confirmedAt" IS NOT NULL AND s."unsubscribedAt" IS NULL AND l."revokedAt" IS NULL`;

export async function queueUpdateMails(now = new Date()): Promise<number> {
  const due = await prisma.$queryRaw<Due[]>`
    SELECT c."deploymentId", c."seq", c."lastMailAt", d."seq" AS "headSeq"
    FROM "StatusMailCursor" c JOIN "Deployment" d ON d."id" = c."deploymentId"
    WHERE d."seq" > c."seq"
    LIMIT 100`;
  let queued = 0;
  for (const cursor of due) {
    const mailableEvents = await prisma.event.count({
      where: {
        deploymentId: cursor.deploymentId,
        seq: { gt: cursor.seq, lte: cursor.headSeq },
        type: { in: [...MAIL_EVENT_TYPES] },
      },
    });
    const decision = cursorDecision({
      mailableEvents,
      lastMailAt: cursor.lastMailAt,
      now,
      bundleMs: env().STATUS_MAIL_BUNDLE_MS,
    });
    if (decision === 'wait') continue;
    queued += await prisma.$transaction(async (tx) => {
      // Only from where this pass read: a cursor moved meanwhile is left to the next pass.
      const moved = await tx.statusMailCursor.updateMany({
        where: { deploymentId: cursor.deploymentId, seq: cursor.seq },
        data: { seq: cursor.headSeq, ...(decision === 'mail' ? { lastMailAt: now } : {}) },
      });
      if (moved.count === 0 || decision === 'skip') return 0;
      return tx.$executeRawUnsafe(
        `INSERT INTO "StatusMail" ("id", "deploymentId", "subscriptionId", "kind", "fromSeq", "toSeq")
         SELECT gen_random_uuid()::text, s."deploymentId", s."id", 'update', $2, $3 ${ACTIVE_SUBSCRIBERS}`,
        cursor.deploymentId,
        cursor.seq,
        cursor.headSeq,
      );
    });
  }
  return queued;
}

/**
 * The T-minus reminder: once per planned start. `remindedFor` remembers which start was announced,
 * so moving the go-live arms it again.
 */
export async function queueReminderMails(now = new Date()): Promise<number> {
  const reminderMin = env().STATUS_REMINDER_MIN;
  if (reminderMin <= 0) return 0;
  const horizon = new Date(now.getTime() + reminderMin * 60_000);
  const due = await prisma.$queryRaw<{ deploymentId: string; goLiveAt: Date }[]>`
    SELECT c."deploymentId", d."goLiveAt"
    FROM "StatusMailCursor" c JOIN "Deployment" d ON d."id" = c."deploymentId"
    WHERE d."state" = 'planned' AND d."goLiveAt" > ${now} AND d."goLiveAt" <= ${horizon}
      AND c."remindedFor" IS DISTINCT FROM d."goLiveAt"
    LIMIT 100`;
  let queued = 0;
  for (const { deploymentId, goLiveAt } of due) {
    queued += await prisma.$transaction(async (tx) => {
      const armed = await tx.statusMailCursor.updateMany({
        where: { deploymentId, OR: [{ remindedFor: null }, { remindedFor: { not: goLiveAt } }] },
        data: { remindedFor: goLiveAt },
      });
      if (armed.count === 0) return 0;
      return tx.$executeRawUnsafe(
        `INSERT INTO "StatusMail" ("id", "deploymentId", "subscriptionId", "kind", "plannedAt")
         SELECT gen_random_uuid()::text, s."deploymentId", s."id", 'reminder', $2 ${ACTIVE_SUBSCRIBERS}`,
        deploymentId,
        goLiveAt,
      );
    });
  }
  return queued;
}
