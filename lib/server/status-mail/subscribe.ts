import 'server-only';
import { randomUUID } from 'node:crypto';
import { clientAddressOf } from '@/lib/domain/accounts';
import { normalizeEmail } from '@/lib/domain/status-mail/address';
import { prisma } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { takeOrRefuse } from '@/lib/server/http/shared-rate-limit';
import { findActiveShareLink } from '@/lib/server/share-links/share-token';
import { pageUrl } from '@/lib/server/status/status-feeds';
import { codeHash, seal, subscriptionCode } from './mail-secrets';
import { mailEnabled } from './transport';
import { wakeMailWorker } from './wake';

const HOUR_MS = 3_600_000;
export const PER_ADDRESS_PER_HOUR = 5;
export const PER_IP_PER_HOUR = 30;

// Enough to stop someone mail-bombing an address or the relay; shared by the processes (takeToken).
const LIMITS = {
  address: { capacity: PER_ADDRESS_PER_HOUR, periodMs: HOUR_MS },
  ip: { capacity: PER_IP_PER_HOUR, periodMs: HOUR_MS },
};

const limit = (which: keyof typeof LIMITS, key: string) =>
  takeOrRefuse(
    `subscribe-${which}`,
    LIMITS[which],
    key,
    (seconds) => `Too many subscription requests: wait ${Math.ceil(seconds / 60)} min and try again.`,
  );

/**
 * Asks for mail about the deployment behind a share link (double opt-in: a confirmation mail is
 * queued, nothing else is sent until its link is opened). The caller learns nothing about the
 * address: new, pending, confirmed or unsubscribed, the answer is the same 202.
 */
export async function subscribeToStatus(request: Request, token: string, body: unknown): Promise<void> {
  const link = mailEnabled() ? await findActiveShareLink(token) : null;
  if (!link) throw new AppError('not_found', 'This status link does not exist or was revoked.');
  await limit('ip', clientAddressOf(request.headers.get('x-forwarded-for')) ?? 'unknown');
  const email = normalizeEmail((body as { email?: unknown } | null)?.email);
  if (!email) throw new AppError('invalid_email', 'Enter a valid email address, like name@example.com.');
  await limit('address', email);

  const existing = await prisma.statusSubscription.findUnique({
    where: { shareLinkId_email: { shareLinkId: link.id, email } },
    select: { id: true, confirmedAt: true, unsubscribedAt: true },
  });
  if (existing?.confirmedAt && !existing.unsubscribedAt) return;

  const id = existing?.id ?? randomUUID();
  const linkSealed = seal(pageUrl(request, token));
  await prisma.$transaction(async (tx) => {
    if (existing) {
      await tx.statusSubscription.update({
        where: { id },
        data: { linkSealed, confirmedAt: null, unsubscribedAt: null },
      });
    } else {
      const created = await tx.statusSubscription.createMany({
        data: {
          id,
          deploymentId: link.deploymentId,
          shareLinkId: link.id,
          email,
          linkSealed,
          confirmHash: codeHash(subscriptionCode('confirm', id)),
          unsubscribeHash: codeHash(subscriptionCode('unsubscribe', id)),
        },
        skipDuplicates: true,
      });
      // The same address at the same moment: the other request queues the mail.
      if (created.count === 0) return;
    }
    // The cursor starts at the log's head: a subscriber hears about what happens from now on.
    await tx.$executeRaw`
      INSERT INTO "StatusMailCursor" ("deploymentId", "seq")
      SELECT "id", "seq" FROM "Deployment" WHERE "id" = ${link.deploymentId}
      ON CONFLICT ("deploymentId") DO NOTHING`;
    await tx.statusMail.create({ data: { deploymentId: link.deploymentId, subscriptionId: id, kind: 'confirm' } });
  });
  wakeMailWorker();
}
