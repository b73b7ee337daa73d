'use client';

import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { useSendTestWebhook, useSetWebhookActive, type WebhookListItem, type WebhookScope } from './use-webhooks';

/** 44 px on phones, where these are thumbed; the usual height beside the text on wider screens. */
export const TOUCH = 'min-h-11 sm:min-h-9';

/** Pause / resume and send a test: what an IC reaches for when a receiver misbehaves. */
export function WebhookActions({
  deploymentId,
  webhook,
  host,
  onDelete,
}: {
  deploymentId: WebhookScope;
  webhook: WebhookListItem;
  host: string;
  onDelete: () => void;
}) {
  const toast = useToast();
  const setActive = useSetWebhookActive(deploymentId);
  const sendTest = useSendTestWebhook(deploymentId);
  const toggle = () =>
    setActive.mutate(
      { webhookId: webhook.id, active: !webhook.active },
      {
        onSuccess: ({ webhook: changed }) =>
          toast.info(
            changed.active
              ? `Webhook to ${host} resumed: new events are sent again.`
              : `Webhook to ${host} paused: nothing is sent until you resume it.`,
          ),
        onError: (error) => toast.error(error.message),
      },
    );
  const test = () =>
    sendTest.mutate(webhook.id, {
      onSuccess: (result) =>
        result.ok ? toast.info(`Test delivered (HTTP ${result.status})`) : toast.error(`Test failed: ${result.error}`),
      onError: (error) => toast.error(error.message),
    });

  return (
    <div role="group" aria-label={`Actions for the webhook to ${host}`} className="flex shrink-0 flex-wrap gap-2">
      <Button
        className={TOUCH}
        disabled={setActive.isPending}
        onClick={toggle}
        aria-label={`${webhook.active ? 'Pause' : 'Resume'} the webhook to ${host}`}
      >
        {setActive.isPending ? (webhook.active ? 'Pausing…' : 'Resuming…') : webhook.active ? 'Pause' : 'Resume'}
      </Button>
      <Button className={TOUCH} disabled={sendTest.isPending} onClick={test} aria-label={`Send test to ${host}`}>
        {sendTest.isPending ? 'Sending…' : 'Send test'}
      </Button>
      <Button variant="ghost" className={TOUCH} onClick={onDelete} aria-label={`Delete the webhook to ${host}`}>
        Delete
      </Button>
    </div>
  );
}
