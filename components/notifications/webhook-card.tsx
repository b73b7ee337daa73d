'use client';

import { useState } from 'react';
import { Badge } from '@/components/ui/badges';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { useToast } from '@/components/ui/toast';
import { formatUtc } from '@/lib/domain/clock';
import { DeliveryList } from './delivery-list';
import { topicLabel } from './labels';
import { RehearsalOptIn } from './rehearsal-opt-in';
import { useDeleteWebhook, type WebhookListItem, type WebhookScope } from './use-webhooks';
import { TOUCH, WebhookActions } from './webhook-actions';

/** One webhook: where it goes, what it hears, and what became of its deliveries. */
export function WebhookCard({ deploymentId, webhook }: { deploymentId: WebhookScope; webhook: WebhookListItem }) {
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const remove = useDeleteWebhook(deploymentId);
  const counts = [
    `${webhook.deliveries.delivered ?? 0} delivered`,
    ...(['retrying', 'failed'] as const)
      .filter((s) => webhook.deliveries[s])
      .map((s) => `${webhook.deliveries[s]} ${s}`),
  ].join(' · ');
  const host = new URL(webhook.url).host;

  // Paused reads as set aside: dashed and greyed, but the text keeps its contrast.
  const look = webhook.active
    ? 'border-line bg-surface'
    : 'border-dashed border-slate-300 bg-background dark:border-slate-700';

  return (
    <li
      className={cn('flex flex-col gap-3 rounded-lg border p-4', look)}
      data-testid="webhook"
      data-url={webhook.url}
      data-active={webhook.active}
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <p
            className={cn('break-all font-mono text-sm', webhook.active ? '' : 'text-muted')}
            data-testid="webhook-url"
          >
            {webhook.url}
          </p>
          <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted">
            {webhook.active ? (
              <Badge tone="green" icon="●">
                Active
              </Badge>
            ) : (
              <Badge tone="amber" icon="❚❚">
                Paused
              </Badge>
            )}
            <span className="tabular">
              added {formatUtc(new Date(webhook.createdAt))} · {counts}
            </span>
          </p>
          {webhook.failingNow && webhook.failingSince ? (
            <p className="tabular text-xs font-medium text-danger" data-testid="webhook-failing">
              ✖ Failing since {formatUtc(new Date(webhook.failingSince))}: {webhook.failingNow}{' '}
              {webhook.failingNow === 1 ? 'delivery' : 'deliveries'} failed since the last one that arrived.
            </p>
          ) : null}
          {webhook.active ? null : (
            <p className="text-xs text-soft" data-testid="webhook-paused-note">
              Nothing is sent while paused, and what happens meanwhile is not sent later.
            </p>
          )}
        </div>
        {confirming ? null : (
          <WebhookActions
            deploymentId={deploymentId}
            webhook={webhook}
            host={host}
            onDelete={() => setConfirming(true)}
          />
        )}
      </div>
      {confirming ? (
        <div
          role="group"
          aria-label="Delete this webhook?"
          className="flex flex-wrap items-center gap-2 rounded-md border border-red-300 bg-red-50 p-2 text-sm dark:border-red-800 dark:bg-red-950"
        >
          <span className="min-w-0 flex-1 basis-48">
            Delete it and its delivery history? Nothing more is sent to {host}.
          </span>
          <Button
            variant="danger"
            className={TOUCH}
            // The Delete button that had focus is gone: keyboard users land on the confirmation.
            autoFocus
            disabled={remove.isPending}
            aria-label={`Confirm deleting the webhook to ${host}`}
            onClick={() =>
              remove.mutate(webhook.id, {
                onSuccess: () => toast.info(`Webhook to ${host} deleted.`),
                onError: (error) => {
                  setConfirming(false);
                  toast.error(error.message);
                },
              })
            }
          >
            {remove.isPending ? 'Deleting…' : 'Delete'}
          </Button>
          <Button variant="secondary" className={TOUCH} onClick={() => setConfirming(false)}>
            Keep
          </Button>
        </div>
      ) : null}
      <ul className="flex flex-wrap gap-1.5" aria-label="Events sent">
        {webhook.eventTypes.map((topic) => (
          <li key={topic}>
            <Badge tone={webhook.active ? 'blue' : 'grey'}>{topicLabel(topic)}</Badge>
          </li>
        ))}
      </ul>
      {deploymentId === null ? <RehearsalOptIn webhook={webhook} /> : null}
      <div>
        <h3 className="text-xs font-semibold uppercase tracking-wide text-muted">Recent deliveries</h3>
        <DeliveryList deploymentId={deploymentId} webhookId={webhook.id} />
      </div>
    </li>
  );
}
