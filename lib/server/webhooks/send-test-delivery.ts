import 'server-only';
import { randomUUID } from 'node:crypto';
import type { TestDeliveryResult } from '@/lib/contracts/webhooks';
import { testWebhookPayload } from '@/lib/domain/webhooks';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { authorizeWebhooks } from './authorize-webhooks';
import { findWebhook } from './find-webhook';
import { sendSigned } from './send-webhook';

/**
 * Sends one signed test now, through the sender, signing, egress guard and timeout of
 * real deliveries. It records nothing: a test is not something that happened in the war room.
 * A paused webhook can be tested too, so its endpoint can be checked before it is resumed.
 * The receiver's failure is the answer, not an error of this request.
 */
export async function sendTestDelivery(
  actor: SignedInActor,
  deploymentId: string | null,
  webhookId: string,
): Promise<TestDeliveryResult> {
  await authorizeWebhooks(actor, deploymentId);
  const webhook = await findWebhook(deploymentId, webhookId);
  const found = deploymentId
    ? await prisma.deployment.findUnique({
        where: { id: deploymentId },
        select: { id: true, name: true, version: true, seq: true, lastEventHash: true },
      })
    : null;
  const deployment = found && { id: found.id, name: found.name, version: found.version };
  const chain = found && { seq: found.seq, hash: found.lastEventHash };
  const sentAt = new Date();
  const deliveryId = `test_${randomUUID()}`;
  const body = JSON.stringify(testWebhookPayload({ deployment, deliveryId, sentAt, chain }));
  const result = await sendSigned(webhook, { body, topic: 'test', deliveryId, sentAt });
  if (result.ok && result.status !== null) return { ok: true, status: result.status };
  const host = new URL(webhook.url).host;
  return {
    ok: false,
    status: result.status,
    error:
      result.status !== null ? `${host} answered HTTP ${result.status}` : `could not reach ${host}: ${result.error}`,
  };
}
