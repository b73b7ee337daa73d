/**
 * When the mail worker turns a deployment's new events into mails. The first mailable event after
 * a quiet spell goes out at once; whatever follows within `bundleMs` of that mail waits and goes
 * out together when the window ends, so a burst (a state change, a phase, an update in the same
 * minute) is one mail, and nobody waits a minute for the first news.
 */
export type CursorDecision = 'skip' | 'wait' | 'mail';

export function cursorDecision(input: {
  mailableEvents: number;
  lastMailAt: Date | null;
  now: Date;
  bundleMs: number;
}): CursorDecision {
  if (input.mailableEvents === 0) return 'skip';
  if (input.lastMailAt && input.now.getTime() - input.lastMailAt.getTime() < input.bundleMs) return 'wait';
  return 'mail';
}
