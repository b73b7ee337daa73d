import 'server-only';
import type { StatusMailPanelDto } from '@/lib/contracts/status-mail';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { authorize } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { appOrigin } from '@/lib/server/status/status-feeds';
import { mailEnabled } from './transport';
import { wakeMailWorker } from './wake';

/** Confirmed, still subscribed, through a link that still works: who gets the next mail. */
export const activeSubscriberWhere = (deploymentId: string) => ({
  deploymentId,
  confirmedAt: { not: null },
  unsubscribedAt: null,
  shareLink: { revokedAt: null },
});

/** The share panel's mail line: whether mail is configured, and how many people get it. */
export async function getMailPanel(actor: SignedInActor, deploymentId: string): Promise<StatusMailPanelDto> {
  await authorize(actor, 'statusmail.manage', deploymentId);
  const confirmed = await prisma.statusSubscription.count({ where: activeSubscriberWhere(deploymentId) });
  return { mailEnabled: mailEnabled(), confirmed };
}

/** Queues a test mail to the caller's own address (202): it proves the relay and the From: address. */
export async function sendTestMail(
  request: Request,
  actor: SignedInActor,
  deploymentId: string,
): Promise<{ queued: true; to: string }> {
  await authorize(actor, 'statusmail.manage', deploymentId);
  if (!mailEnabled()) throw new AppError('not_found', 'Mail is not configured on this server (SMTP_URL).');
  const user = await prisma.user.findUnique({ where: { id: actor.userId }, select: { email: true } });
  if (!user?.email) throw new AppError('not_found', 'Your account has no email address to send a test mail to.');
  await prisma.statusMail.create({
    data: {
      deploymentId,
      kind: 'test',
      toAddress: user.email,
      link: `${appOrigin(request)}/deployments/${deploymentId}`,
    },
  });
  wakeMailWorker();
  return { queued: true, to: user.email };
}
