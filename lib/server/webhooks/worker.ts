import { topicOf } from '@/lib/domain/webhooks';
import { onCommittedEvent } from '@/lib/realtime/server/publish';
import type { BackgroundWorker } from '@/lib/server/background';
import { env } from '@/lib/server/env';
import { logger } from '@/lib/server/logger';
import { claimDue } from '@/lib/server/outbox-claim';
import { processSlot } from '@/lib/server/singleton';
import { processDelivery } from './process-delivery';
import { webhookTimeoutMs } from './send-webhook';

/**
 * Webhook delivery. Every write queues its deliveries in its own transaction; the background
 * worker (the leader process) sends them, a few at a time, each with a hard timeout, so a slow
 * or failing receiver never holds up the war room. Claims are leases: a delivery claimed by a
 * process that died is picked up again once its lease ran out.
 */
const MAX_IN_FLIGHT = 8;
const pollMs = () => env().WEBHOOK_POLL_MS;

type Loop = { wake: () => void };
const activeLoop = processSlot<Loop | null>('__warroomWebhookLoop');

// Deliveries were queued by the committing transaction; this only saves the leader a poll interval.
onCommittedEvent((event) => {
  if (topicOf(event)) activeLoop.get()?.wake();
});

const claim = (limit: number) => claimDue('WebhookDelivery', limit, webhookTimeoutMs() + 30_000);

function startLoop(): { stop: () => Promise<void> } {
  let inFlight = 0;
  let stopped = false;
  let ticking = false;
  let again = false;
  const running = new Set<Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();

  const later = (ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      void tick();
    }, ms);
    timer.unref();
    timers.add(timer);
  };

  const tick = async () => {
    if (stopped) return;
    if (ticking) {
      again = true;
      return;
    }
    ticking = true;
    try {
      const ids = MAX_IN_FLIGHT - inFlight > 0 ? await claim(MAX_IN_FLIGHT - inFlight) : [];
      for (const id of ids) {
        inFlight += 1;
        const work = processDelivery(id)
          .then((retryIn) => {
            if (retryIn !== null) later(retryIn + 10);
          })
          .catch((error) => logger.error('webhook.delivery_crashed', { deliveryId: id, error: String(error) }))
          .finally(() => {
            inFlight -= 1;
            running.delete(work);
            void tick();
          });
        running.add(work);
      }
    } catch (error) {
      logger.warn('webhook.claim_failed', { error: String(error) });
    } finally {
      ticking = false;
      if (again) {
        again = false;
        void tick();
      }
    }
  };

  const interval = setInterval(() => void tick(), pollMs());
  interval.unref();
  activeLoop.set({ wake: () => void tick() });
  void tick();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(interval);
      for (const timer of timers) clearTimeout(timer);
      activeLoop.set(null);
      await Promise.allSettled([...running]);
    },
  };
}

/** Webhook deliveries from the outbox: started by server.ts. */
export const webhooksWorker: BackgroundWorker = {
  name: 'webhooks',
  start: async () => {
    const loop = startLoop();
    return loop.stop;
  },
};
