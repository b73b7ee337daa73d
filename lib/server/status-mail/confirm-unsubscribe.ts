import 'server-only';
import { shareTokenSchema } from '@/lib/schemas/status';
import { hashToken } from '@/lib/server/auth/tokens';
import { prisma } from '@/lib/server/db';
import { codeHash } from './mail-secrets';

/** Codes are 43 base64url characters; anything else is not worth a lookup. */
const CODE = /^[A-Za-z0-9_-]{20,100}$/;

/** The subscription a link's code belongs to, if the code and the token match one. */
async function subscriptionFor(token: string, code: string | null, column: 'confirmHash' | 'unsubscribeHash') {
  if (!code || !CODE.test(code) || !shareTokenSchema.safeParse(token).success) return null;
  const subscription = await prisma.statusSubscription.findUnique({
    where: column === 'confirmHash' ? { confirmHash: codeHash(code) } : { unsubscribeHash: codeHash(code) },
    select: {
      id: true,
      confirmedAt: true,
      unsubscribedAt: true,
      shareLink: { select: { tokenHash: true, revokedAt: true } },
    },
  });
  return subscription && subscription.shareLink.tokenHash === hashToken(token) ? subscription : null;
}

export type ConfirmOutcome = 'confirmed' | 'invalid';

/** Opens the confirmation link: from now on this address gets the mails. Opening it twice is fine. */
export async function confirmSubscription(token: string, code: string | null): Promise<ConfirmOutcome> {
  const subscription = await subscriptionFor(token, code, 'confirmHash');
  if (!subscription || subscription.unsubscribedAt || subscription.shareLink.revokedAt) return 'invalid';
  if (!subscription.confirmedAt)
    await prisma.statusSubscription.updateMany({
      where: { id: subscription.id, confirmedAt: null },
      data: { confirmedAt: new Date() },
    });
  return 'confirmed';
}

export type UnsubscribeOutcome = 'unsubscribed' | 'invalid';

/** One click (RFC 8058) or the page's button: no more mails, including those already queued. */
export async function unsubscribe(token: string, code: string | null): Promise<UnsubscribeOutcome> {
  const subscription = await subscriptionFor(token, code, 'unsubscribeHash');
  if (!subscription) return 'invalid';
  await prisma.$transaction([
    prisma.statusSubscription.updateMany({
      where: { id: subscription.id, unsubscribedAt: null },
      data: { unsubscribedAt: new Date() },
    }),
    prisma.statusMail.updateMany({
      where: { subscriptionId: subscription.id, status: { in: ['pending', 'retrying'] } },
      data: { status: 'cancelled', lastError: 'unsubscribed' },
    }),
  ]);
  return 'unsubscribed';
}

/** Whether the unsubscribe page's code is one (the GET page only shows the button then). */
export async function unsubscribeCodeValid(token: string, code: string | null): Promise<boolean> {
  return (await subscriptionFor(token, code, 'unsubscribeHash')) !== null;
}
