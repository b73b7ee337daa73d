import { MAIL_EVENT_TYPES } from '@/lib/domain/status-mail/mail-events';
import { onCommittedEvent } from '@/lib/realtime/server/publish';
import type { BackgroundWorker } from '@/lib/server/background';
import { env } from '@/lib/server/env';
import { logger } from '@/lib/server/logger';
import { claimDue } from '@/lib/server/outbox-claim';
import { queueReminderMails, queueUpdateMails } from './queue-mails';
import { processMail } from './send-mail';
import { mailEnabled } from './transport';
import { setMailWake, wakeMailWorker } from './wake';

/**
 * Status mails, on the leader only (lib/server/background.ts): each pass turns new events and due
 * reminders into mails owed, then sends what is due, claimed as leases like webhook deliveries
 * (lib/server/outbox-claim.ts).
 */
const BATCH = 8;
const MAILABLE = new Set<string>(MAIL_EVENT_TYPES);

// The log is read by the cursor on every pass; a mailable event only saves the leader a poll interval.
onCommittedEvent((event) => {
  if (MAILABLE.has(event.type)) wakeMailWorker();
});
const LEASE_MS = 60_000;

async function pass(later: (ms: number) => void): Promise<void> {
  await queueUpdateMails();
  await queueReminderMails();
  for (;;) {
    const ids = await claimDue('StatusMail', BATCH, LEASE_MS);
    if (ids.length === 0) return;
    const retries = await Promise.all(
      ids.map((id) =>
        processMail(id).catch((error) => {
          logger.error('status_mail.crashed', { mailId: id, error: String(error) });
          return null;
        }),
      ),
    );
    for (const retryIn of retries) if (retryIn !== null) later(retryIn + 10);
  }
}

function startLoop(): () => Promise<void> {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      tick();
    }, ms);
    timer.unref();
    timers.add(timer);
  };
  const tick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = pass(later)
      .catch((error) => logger.warn('status_mail.pass_failed', { error: String(error) }))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          tick();
        }
      });
  };
  // The bundling window and reminders are clocks of their own: the poll notices them.
  const interval = setInterval(tick, env().WEBHOOK_POLL_MS);
  interval.unref();
  setMailWake(tick);
  tick();
  return async () => {
    stopped = true;
    clearInterval(interval);
    for (const timer of timers) clearTimeout(timer);
    setMailWake(null);
    await running;
  };
}

/** Status mails to subscribers: started by server.ts; does nothing without SMTP_URL. */
export const statusMailWorker: BackgroundWorker = {
  name: 'status-mail',
  start: async () => (mailEnabled() ? startLoop() : async () => undefined),
};
