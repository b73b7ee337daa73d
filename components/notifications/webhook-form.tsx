'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { WEBHOOK_TOPICS, type WebhookTopic } from '@/lib/domain/webhooks';
import { createWebhookSchema } from '@/lib/schemas/webhook';
import { TOPIC_LOOK } from './labels';
import { useCreateWebhook, type WebhookScope } from './use-webhooks';

export type CreatedWebhook = { url: string; secret: string };

/**
 * URL and topics. Every topic starts checked: they are the few moments people outside the room
 * care about, none of them chatty. Checked with the API's own schema before it is sent.
 */
export function WebhookForm({
  deploymentId,
  onCreated,
}: {
  deploymentId: WebhookScope;
  onCreated: (created: CreatedWebhook) => void;
}) {
  const [url, setUrl] = useState('');
  const [topics, setTopics] = useState<WebhookTopic[]>([...WEBHOOK_TOPICS]);
  const [problem, setProblem] = useState<string | null>(null);
  const [includeRehearsals, setIncludeRehearsals] = useState(false);
  const create = useCreateWebhook(deploymentId);
  const toggle = (topic: WebhookTopic, on: boolean) =>
    setTopics((list) =>
      on ? WEBHOOK_TOPICS.filter((t) => t === topic || list.includes(t)) : list.filter((t) => t !== topic),
    );

  const submit = () => {
    const parsed = createWebhookSchema.safeParse({
      url: url.trim(),
      eventTypes: topics,
      ...(deploymentId === null ? { includeRehearsals } : {}),
    });
    // Every problem at once: a URL fixed only to be told about the events next is a wasted round.
    if (!parsed.success) return setProblem([...new Set(parsed.error.issues.map((i) => i.message))].join(' '));
    setProblem(null);
    create.mutate(parsed.data, {
      onSuccess: ({ webhook, secret }) => {
        setUrl('');
        onCreated({ url: webhook.url, secret });
      },
      onError: (error) => setProblem(error.message),
    });
  };

  return (
    <form
      className="flex flex-col gap-4"
      data-testid="webhook-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label className="flex flex-col gap-1 text-sm font-medium">
        Endpoint URL
        <input
          type="url"
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
          placeholder="https://hooks.slack.com/services/…"
          aria-describedby="webhook-url-hint"
          className="min-h-11 rounded-md border border-line-strong bg-surface px-3 font-mono text-sm font-normal"
        />
        <span id="webhook-url-hint" className="text-xs font-normal text-muted">
          A Slack incoming-webhook URL works as is; any http(s) endpoint gets the same signed JSON.
        </span>
      </label>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 flex w-full flex-wrap items-baseline gap-x-3 text-sm font-medium">
          Send these events
          <span className="tabular text-xs font-normal text-muted">
            {topics.length} of {WEBHOOK_TOPICS.length}
          </span>
          <button
            type="button"
            className="text-xs font-normal text-link underline"
            onClick={() => setTopics(topics.length === WEBHOOK_TOPICS.length ? [] : [...WEBHOOK_TOPICS])}
          >
            {topics.length === WEBHOOK_TOPICS.length ? 'Clear all' : 'Select all'}
          </button>
        </legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {WEBHOOK_TOPICS.map((topic) => (
            <label
              key={topic}
              className="flex min-h-11 cursor-pointer items-start gap-2 rounded-md px-2 py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800/60"
            >
              <input
                type="checkbox"
                className="mt-0.5 h-5 w-5 shrink-0"
                checked={topics.includes(topic)}
                onChange={(e) => toggle(topic, e.target.checked)}
              />
              <span className="flex flex-col">
                <span className="text-sm">{TOPIC_LOOK[topic].label}</span>
                <span className="text-xs text-muted">{TOPIC_LOOK[topic].hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {deploymentId === null ? (
        <label className="flex min-h-11 items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="h-5 w-5"
            checked={includeRehearsals}
            onChange={(e) => setIncludeRehearsals(e.target.checked)}
          />
          Also send events of rehearsals (off: only go-lives)
        </label>
      ) : null}
      {problem ? (
        <p role="alert" className="text-sm text-danger" data-testid="webhook-form-error">
          ⚠ {problem}
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={create.isPending} className="min-h-11 self-start">
        {create.isPending ? 'Adding…' : 'Add webhook'}
      </Button>
    </form>
  );
}
