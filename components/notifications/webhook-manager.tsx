'use client';

import { useState } from 'react';
import { SecretPanel } from './secret-panel';
import { useWebhooks, type WebhookScope } from './use-webhooks';
import { WebhookCard } from './webhook-card';
import { WebhookForm, type CreatedWebhook } from './webhook-form';

/** Add, watch and delete webhooks of one scope: a deployment (its IC) or every deployment (admins). */
export function WebhookManager({ deploymentId }: { deploymentId: WebhookScope }) {
  const { data: webhooks, error, isPending } = useWebhooks(deploymentId);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);

  return (
    <div className="flex flex-col gap-6">
      <section
        aria-labelledby="add-webhook-title"
        className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-4"
      >
        <h2 id="add-webhook-title" className="text-lg font-semibold">
          Add a webhook
        </h2>
        {created ? <SecretPanel created={created} onDone={() => setCreated(null)} /> : null}
        <WebhookForm deploymentId={deploymentId} onCreated={setCreated} />
      </section>
      <section aria-labelledby="webhooks-title" className="flex flex-col gap-3">
        <h2 id="webhooks-title" className="flex items-baseline gap-2 text-lg font-semibold">
          Webhooks
          {webhooks ? <span className="tabular text-sm font-normal text-muted">{webhooks.length}</span> : null}
        </h2>
        {isPending ? <p className="text-sm text-muted">Loading…</p> : null}
        {error ? (
          <p role="alert" className="text-sm text-danger">
            ⚠ {error.message}
          </p>
        ) : null}
        {webhooks && webhooks.length === 0 ? (
          <p className="text-sm text-muted" data-testid="no-webhooks">
            No webhooks yet. Add one above and its deliveries will show here.
          </p>
        ) : null}
        <ul className="flex flex-col gap-3" data-testid="webhooks">
          {webhooks?.map((webhook) => (
            <WebhookCard key={webhook.id} deploymentId={deploymentId} webhook={webhook} />
          ))}
        </ul>
      </section>
    </div>
  );
}
