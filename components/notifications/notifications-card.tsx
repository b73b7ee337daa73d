'use client';

import Link from 'next/link';
import { useCan } from '@/components/war-room/use-can';
import { useWarRoom } from '@/components/war-room/war-room-context';
import { formatUtcTime } from '@/lib/domain/clock';
import { useWebhooks } from './use-webhooks';

/** Slower than the notifications page: the cockpit only needs to notice that deliveries fail. */
const COCKPIT_POLL_MS = 30_000;

/** The cockpit's line about webhooks, so the IC notices failing deliveries without leaving the room. */
export function NotificationsCard() {
  const { deployment } = useWarRoom();
  const allowed = useCan()('webhook.manage');
  const { data: webhooks } = useWebhooks(deployment.id, { enabled: allowed, pollMs: COCKPIT_POLL_MS });
  if (!allowed) return null;
  // Failures since each webhook last delivered: old ones a receiver has recovered from are history.
  const failed = (webhooks ?? []).reduce((sum, w) => sum + w.failingNow, 0);
  // How long the longest-broken receiver has been failing: one failure a minute ago is not an hour.
  const since = (webhooks ?? [])
    .map((w) => w.failingSince)
    .filter((s): s is string => Boolean(s))
    .sort()[0];
  const retrying = (webhooks ?? []).reduce((sum, w) => sum + (w.deliveries.retrying ?? 0), 0);
  // A paused webhook sends nothing and so shows no failures: say so, lest it stay paused by oversight.
  const paused = (webhooks ?? []).filter((w) => !w.active).length;
  const href = `/deployments/${deployment.id}/notifications`;

  return (
    <section aria-labelledby="notifications-title" data-testid="notifications-card">
      <h2 id="notifications-title" className="mb-1 text-lg font-semibold">
        Notifications
      </h2>
      {!webhooks ? null : webhooks.length === 0 ? (
        <p className="text-sm text-muted">No webhooks: nothing leaves this room on its own.</p>
      ) : (
        <p className="tabular text-sm">
          {webhooks.length} {webhooks.length === 1 ? 'webhook' : 'webhooks'}
          {failed ? (
            <span className="text-danger">
              {' '}
              · ✖ {failed} failed since the last delivery
              {since ? `, failing since ${formatUtcTime(new Date(since))}` : ''}
            </span>
          ) : null}
          {retrying ? <span className="text-warn"> · ↻ {retrying} retrying</span> : null}
          {!failed && !retrying ? <span className="text-muted"> · no failures</span> : null}
          {paused ? <span className="text-warn"> · ❚❚ {paused} paused</span> : null}
        </p>
      )}
      <Link href={href} className="mt-1 inline-block text-sm text-link hover:underline">
        {webhooks?.length ? 'Manage notifications →' : 'Send updates to Slack or a webhook →'}
      </Link>
    </section>
  );
}
