import 'server-only';
import { randomBytes } from 'node:crypto';
import type { WebhookDto } from '@/lib/contracts/webhooks';
import type { CreateWebhookInput } from '@/lib/schemas/webhook';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { actingRole } from '@/lib/server/deployments/load-access';
import { assertOutboundUrl } from '@/lib/server/egress';
import { commit } from '@/lib/server/events/commit';
import { recordAccountEvent } from '@/lib/server/users/account-events';
import { authorizeWebhooks } from './authorize-webhooks';
import { toWebhookDto } from './webhook-dto';

/**
 * Adds a webhook. Its signing secret is returned this once; it is kept (it must sign every
 * delivery) but never listed or logged.
 */
export async function createWebhook(
  actor: SignedInActor,
  deploymentId: string | null,
  input: CreateWebhookInput,
): Promise<{ webhook: WebhookDto; secret: string }> {
  const access = await authorizeWebhooks(actor, deploymentId);
  // The literal now; every address its name resolves to when each delivery connects.
  const host = assertOutboundUrl(input.url).hostname.replace(/^\[|\]$/g, '');
  const secret = `whsec_${randomBytes(24).toString('base64url')}`;
  // A deployment's own webhook always hears its deployment, rehearsal or not: the flag is for global ones.
  const data = {
    deploymentId,
    url: input.url,
    secret,
    eventTypes: input.eventTypes,
    includeRehearsals: deploymentId ? false : Boolean(input.includeRehearsals),
  };
  if (!deploymentId || !access) {
    // A global webhook hears every deployment: who pointed it where is on the account history.
    const webhook = await prisma.$transaction(async (tx) => {
      const created = await tx.webhook.create({ data });
      await recordAccountEvent(
        tx,
        actor,
        'global_webhook.created',
        { id: created.id, host },
        { eventTypes: created.eventTypes },
      );
      return created;
    });
    return { webhook: toWebhookDto(webhook), secret };
  }
  const { result } = await commit(async (tx, append) => {
    const webhook = await tx.webhook.create({ data });
    await append({
      deploymentId,
      type: 'webhook.created',
      actorId: actor.userId,
      actorName: actor.name,
      roleKey: actingRole(access.heldRoles),
      data: { webhookId: webhook.id, host, eventTypes: webhook.eventTypes },
    });
    return webhook;
  });
  return { webhook: toWebhookDto(result), secret };
}
