import type { IoServer } from './io-server';

/**
 * Whether this process has lost its link to the other processes (Redis is down). Meanwhile its
 * watchers see live only what was written through it, so the war room says "partly live"
 * rather than a plain "Live" — at 3 a.m. a silent gap must not look like a quiet room.
 */
let isolated = false;

export const isIsolated = () => isolated;

/** Records the change and tells every watcher connected to this process. */
export function setIsolated(io: IoServer, value: boolean) {
  if (isolated === value) return;
  isolated = value;
  io.local.emit('server:isolated', { isolated: value });
}
