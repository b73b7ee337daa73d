import { processSlot } from '@/lib/server/singleton';

/**
 * Mails are queued in the database (the outbox); waking the worker only saves the leader a poll
 * interval. In a process that is not the leader nobody listens, and the leader's poll finds them.
 */
const slot = processSlot<(() => void) | null>('__warroomStatusMailWake');

export function setMailWake(wake: (() => void) | null): void {
  slot.set(wake);
}

export function wakeMailWorker(): void {
  slot.get()?.();
}
