'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import type { TokenDto } from '@/lib/contracts/users';
import { formatUtc } from '@/lib/domain/clock';
import { DEFAULT_TOKEN_SCOPES, TOKEN_SCOPES } from '@/lib/domain/rbac';
import { useTokens } from './use-tokens';

export function TokenManager({ initial }: { initial: TokenDto[] }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>([...DEFAULT_TOKEN_SCOPES]);
  const [created, setCreated] = useState<string | null>(null);
  const { tokens, create, revoke } = useTokens(initial, (token) => {
    setCreated(token);
    setName('');
  });
  return (
    <div className="flex flex-col gap-6">
      <form
        className="flex flex-col gap-3 rounded-lg border border-line p-4"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate({ name, scopes });
        }}
      >
        <label className="flex flex-col gap-1 text-sm">
          Name
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            maxLength={80}
            placeholder="deploy pipeline"
            className="rounded-md border border-line-strong bg-surface px-3 py-2"
          />
        </label>
        {/* min-w-0: a fieldset is as wide as its content by default, and four scopes are wider than a phone */}
        <fieldset className="flex min-w-0 flex-wrap gap-x-4 gap-y-2 text-sm">
          <legend className="mb-1">Scopes</legend>
          {TOKEN_SCOPES.map((scope) => (
            <label key={scope} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={scopes.includes(scope)}
                onChange={(e) => setScopes((s) => (e.target.checked ? [...s, scope] : s.filter((x) => x !== scope)))}
              />
              {scope}
            </label>
          ))}
        </fieldset>
        <Button
          type="submit"
          variant="primary"
          disabled={create.isPending || !name.trim() || scopes.length === 0}
          className="self-start"
        >
          Create token
        </Button>
        {created ? (
          <div
            role="status"
            className="rounded-md border border-emerald-400 bg-emerald-50 p-3 text-sm dark:border-emerald-700 dark:bg-emerald-950"
          >
            <p className="mb-2">Copy it now — it will not be shown again:</p>
            <div className="flex items-center gap-2">
              <code className="break-all font-mono" data-testid="new-token">
                {created}
              </code>
              <CopyButton text={created} />
            </div>
          </div>
        ) : null}
      </form>
      <ul className="flex flex-col gap-2">
        {tokens.map((token) => (
          <li
            key={token.id}
            className="flex flex-wrap items-center gap-3 rounded-md border border-line px-3 py-2 text-sm"
          >
            <span className="font-medium">{token.name}</span>
            <code className="text-xs">{token.prefix}…</code>
            <span className="text-xs text-faint">{token.scopes.join(', ')}</span>
            <span className="text-xs text-faint">
              {token.lastUsedAt ? `last used ${formatUtc(new Date(token.lastUsedAt))}` : 'never used'}
            </span>
            {token.revokedAt ? (
              <span className="ml-auto text-xs text-faint">revoked</span>
            ) : (
              <Button type="button" variant="ghost" className="ml-auto" onClick={() => revoke.mutate(token.id)}>
                Revoke
              </Button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
