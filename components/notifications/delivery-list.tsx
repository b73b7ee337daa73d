'use client';

import Link from 'next/link';
import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import { DeliveryBadge, deliveryEventLabel, whenLabel } from './labels';
import { useDeliveries, type DeliveryDto, type WebhookScope } from './use-webhooks';

const FIRST = 8;

function Outcome({ delivery, now }: { delivery: DeliveryDto; now: number }) {
  const parts: string[] = [];
  if (delivery.lastStatus) parts.push(`HTTP ${delivery.lastStatus}`);
  // sendWebhook writes "HTTP 500" as the error too: say it once.
  if (delivery.lastError && delivery.lastError !== `HTTP ${delivery.lastStatus}`) parts.push(delivery.lastError);
  if (delivery.status === 'retrying' && delivery.nextAttemptAt)
    parts.push(`next try ${whenLabel(delivery.nextAttemptAt, now)}`);
  if (parts.length === 0) return null;
  const failing = delivery.status !== 'delivered';
  return (
    <span className={cn('min-w-0 break-words text-xs', failing ? 'text-danger' : 'text-muted')}>
      {parts.join(' · ')}
    </span>
  );
}

/** The newest deliveries of one webhook: "did Slack get the NO-GO?" */
export function DeliveryList({ deploymentId, webhookId }: { deploymentId: WebhookScope; webhookId: string }) {
  const { data, error, isPending, dataUpdatedAt } = useDeliveries(deploymentId, webhookId);
  const [all, setAll] = useState(false);
  if (isPending) return <p className="text-xs text-muted">Loading deliveries…</p>;
  if (error && !data)
    return (
      <p role="alert" className="text-xs text-danger">
        ⚠ {error.message}
      </p>
    );
  if (data.length === 0) {
    return (
      <p className="text-xs text-muted" data-testid="no-deliveries">
        Nothing sent yet: a delivery shows up here as soon as one of its events happens.
      </p>
    );
  }
  const shown = all ? data : data.slice(0, FIRST);
  return (
    <div>
      <ol
        className="divide-y divide-slate-200 dark:divide-slate-800"
        aria-label="Recent deliveries"
        data-testid="deliveries"
      >
        {shown.map((d) => (
          <li
            key={d.id}
            data-testid="delivery"
            data-status={d.status}
            className="grid grid-cols-[auto_minmax(0,1fr)_auto] items-center gap-x-3 gap-y-0.5 py-2 text-sm sm:grid-cols-[6.5rem_minmax(0,15rem)_minmax(0,1fr)_auto]"
          >
            <span>
              <DeliveryBadge status={d.status} />
            </span>
            <span className="min-w-0 break-words">
              <span className="tabular text-muted">#{d.eventSeq ?? '–'}</span> {deliveryEventLabel(d.eventType)}
              {deploymentId === null && d.deploymentId ? (
                <>
                  {' · '}
                  <Link href={`/deployments/${d.deploymentId}`} className="text-xs text-link hover:underline">
                    war room
                  </Link>
                </>
              ) : null}
            </span>
            <time
              dateTime={d.deliveredAt ?? d.createdAt}
              title={d.deliveredAt ?? d.createdAt}
              className="tabular text-right text-xs text-muted sm:col-start-4 sm:row-start-1"
            >
              {whenLabel(d.deliveredAt ?? d.createdAt, dataUpdatedAt)}
            </time>
            <span className="col-span-2 col-start-2 flex min-w-0 flex-wrap gap-x-2 sm:col-span-1 sm:col-start-3 sm:row-start-1">
              <span className="tabular text-xs text-muted">
                {d.attempts} {d.attempts === 1 ? 'attempt' : 'attempts'}
              </span>
              <Outcome delivery={d} now={dataUpdatedAt} />
            </span>
          </li>
        ))}
      </ol>
      {data.length > FIRST ? (
        <button type="button" className="mt-1 min-h-9 text-xs text-link underline" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${data.length}`}
        </button>
      ) : null}
      {error ? <p className="text-xs text-warn">⚠ Could not refresh: {error.message}</p> : null}
    </div>
  );
}
