'use client';

import { useToast } from '@/components/ui/toast';
import { useSetWebhookRehearsals, type WebhookListItem } from './use-webhooks';

/**
 * A global webhook's rehearsal opt-in, on its card: off, it hears go-lives only (rehearsals stay
 * quiet outside); on, rehearsals too. A deployment's own webhooks always hear their deployment.
 */
export function RehearsalOptIn({ webhook }: { webhook: WebhookListItem }) {
  const toast = useToast();
  const set = useSetWebhookRehearsals();
  const host = new URL(webhook.url).host;
  return (
    <label className="flex min-h-11 items-center gap-2 text-sm" data-testid="webhook-rehearsals">
      <input
        type="checkbox"
        className="h-5 w-5"
        checked={webhook.includeRehearsals}
        disabled={set.isPending}
        aria-describedby={`rehearsals-hint-${webhook.id}`}
        onChange={(e) =>
          set.mutate(
            { webhookId: webhook.id, includeRehearsals: e.target.checked },
            {
              onSuccess: ({ webhook: saved }) =>
                toast.info(
                  saved.includeRehearsals ? `${host} now also hears rehearsals.` : `${host} now hears go-lives only.`,
                ),
              onError: (error) => toast.error(error.message),
            },
          )
        }
      />
      <span className="flex flex-col">
        <span>Also send events of rehearsals</span>
        <span id={`rehearsals-hint-${webhook.id}`} className="text-xs text-muted">
          {webhook.includeRehearsals ? 'Sent for go-lives and rehearsals.' : 'Sent for go-lives only.'}
        </span>
      </span>
    </label>
  );
}
