'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import type { ItemDto } from '@/lib/contracts/items';
import type { CheckKind } from '@/lib/domain/checks';
import { useItemCheck } from './use-item-check';

const field = 'min-h-9 rounded-md border border-line-strong bg-field px-2 text-sm';

/** Set (or replace) a step's check, or take it off: the IC's and the step's owner's. */
export function CheckForm({
  item,
  deploymentId,
  onClose,
}: {
  item: ItemDto;
  deploymentId: string;
  onClose: () => void;
}) {
  const { set, remove } = useItemCheck(deploymentId);
  const current = item.check ?? null;
  const spec = current?.spec;
  const [kind, setKind] = useState<CheckKind>(current?.kind ?? 'http');
  const [url, setUrl] = useState(spec?.kind === 'http' ? spec.url : '');
  const [expectStatus, setExpectStatus] = useState(spec?.kind === 'http' ? String(spec.expectStatus) : '200');
  const [contains, setContains] = useState(spec?.kind === 'http' ? (spec.expectBodyContains ?? '') : '');
  const [query, setQuery] = useState(spec?.kind === 'prometheus' ? spec.query : '');
  const [comparison, setComparison] = useState<'<' | '>'>(spec?.kind === 'prometheus' ? spec.comparison : '<');
  const [value, setValue] = useState(spec?.kind === 'prometheus' ? String(spec.value) : '');
  const [passesNeeded, setPassesNeeded] = useState(String(current?.passesNeeded ?? 1));
  const [secretUrl, setSecretUrl] = useState<string | null>(null);
  const id = (name: string) => `check-${name}-${item.id}`;

  const submit = () => {
    const passes = Number(passesNeeded) || 1;
    const input =
      kind === 'http'
        ? {
            kind,
            url: url.trim(),
            expectStatus: Number(expectStatus) || 200,
            expectBodyContains: contains.trim() || null,
            passesNeeded: passes,
          }
        : kind === 'prometheus'
          ? { kind, query: query.trim(), comparison, value: Number(value), passesNeeded: passes }
          : { kind };
    set.mutate(
      { item, input },
      {
        onSuccess: (result) => {
          if (result.secretUrl) setSecretUrl(`${window.location.origin}${result.secretUrl}`);
          else onClose();
        },
      },
    );
  };

  if (secretUrl)
    return (
      <div className="mt-2 flex flex-col gap-2 rounded-md border border-line p-3 text-sm" data-testid="check-secret">
        <p>Give this URL to the CI job (shown once): a POST to it ticks the step with its log as evidence.</p>
        <div className="flex items-center gap-2">
          <code className="min-w-0 flex-1 break-all rounded bg-subtle px-2 py-1 font-mono text-xs">{secretUrl}</code>
          <CopyButton text={secretUrl} label="Copy CI URL" />
        </div>
        <Button type="button" variant="ghost" onClick={onClose}>
          Done
        </Button>
      </div>
    );

  return (
    <form
      className="mt-2 flex flex-col gap-2 rounded-md border border-line p-3"
      data-testid="check-form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label className="text-sm font-medium" htmlFor={id('kind')}>
        Check for this step
      </label>
      <select id={id('kind')} className={field} value={kind} onChange={(e) => setKind(e.target.value as CheckKind)}>
        <option value="http">HTTP request</option>
        <option value="prometheus">Prometheus query</option>
        <option value="ci">CI job calls a URL</option>
      </select>
      {kind === 'http' ? (
        <div className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_6rem]">
          <label className="sr-only" htmlFor={id('url')}>
            URL
          </label>
          <input
            id={id('url')}
            className={field}
            placeholder="https://api.example.com/health"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            required
          />
          <label className="sr-only" htmlFor={id('status')}>
            Expected status
          </label>
          <input
            id={id('status')}
            className={field}
            inputMode="numeric"
            value={expectStatus}
            onChange={(e) => setExpectStatus(e.target.value)}
          />
          <label className="sr-only" htmlFor={id('contains')}>
            Body contains
          </label>
          <input
            id={id('contains')}
            className={`${field} sm:col-span-2`}
            placeholder="Body contains (optional), e.g. ok"
            value={contains}
            onChange={(e) => setContains(e.target.value)}
          />
        </div>
      ) : kind === 'prometheus' ? (
        <div className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_4rem_6rem]">
          <label className="sr-only" htmlFor={id('query')}>
            Query
          </label>
          <input
            id={id('query')}
            className={`${field} font-mono`}
            placeholder="sum(rate(http_errors_total[5m]))"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            required
          />
          <label className="sr-only" htmlFor={id('comparison')}>
            Comparison
          </label>
          <select
            id={id('comparison')}
            className={field}
            value={comparison}
            onChange={(e) => setComparison(e.target.value as '<' | '>')}
          >
            <option value="<">&lt;</option>
            <option value=">">&gt;</option>
          </select>
          <label className="sr-only" htmlFor={id('value')}>
            Value
          </label>
          <input
            id={id('value')}
            className={field}
            inputMode="decimal"
            value={value}
            onChange={(e) => setValue(e.target.value)}
            required
          />
        </div>
      ) : (
        <p className="text-xs text-muted">Saving answers a secret URL once; the CI job POSTs its log excerpt to it.</p>
      )}
      {kind !== 'ci' ? (
        <label className="flex items-center gap-2 text-sm" htmlFor={id('passes')}>
          Passes in a row
          <input
            id={id('passes')}
            className={`${field} w-16`}
            inputMode="numeric"
            value={passesNeeded}
            onChange={(e) => setPassesNeeded(e.target.value)}
          />
        </label>
      ) : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary" disabled={set.isPending}>
          Save check
        </Button>
        {current ? (
          <Button
            type="button"
            variant="ghost"
            disabled={remove.isPending}
            onClick={() => remove.mutate({ item }, { onSuccess: onClose })}
          >
            Remove check
          </Button>
        ) : null}
        <Button type="button" variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
