'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { api, ApiError } from '@/lib/client/api';
import { Dialog } from './dialog';

/**
 * Step-up before a go / no-go decision: the server answered `reauth_required`, so the person
 * confirms their password; then the decision is sent again exactly as it was (the comment or
 * reason they typed stays in the dialog underneath).
 */
export function ReauthDialog({ onConfirmed, onClose }: { onConfirmed: () => void; onClose: () => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Dialog title="Confirm it is you" onClose={onClose} testId="reauth-dialog">
      <form
        className="flex flex-col gap-3"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!password || busy) return;
          setBusy(true);
          setError(null);
          try {
            await api('/api/session/reauth', { method: 'POST', json: { password } });
            onConfirmed();
          } catch (e) {
            setError(e instanceof ApiError ? e.message : 'That did not work; nothing was recorded.');
            setBusy(false);
          }
        }}
      >
        <p className="text-sm text-slate-600 dark:text-slate-400">
          A go / no-go decision is recorded with who made it. You signed in a while ago: enter your password to record this decision.
        </p>
        <label className="flex flex-col gap-1 text-sm font-medium">
          Password
          <input
            autoFocus
            type="password"
            autoComplete="current-password"
            name="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-base font-normal dark:border-slate-600 dark:bg-slate-950"
          />
        </label>
        {error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-300" data-testid="reauth-error">
            {error}
          </p>
        ) : null}
        <div className="flex flex-wrap justify-end gap-2">
          <Button type="button" variant="ghost" onClick={onClose} className="min-h-11">
            Cancel
          </Button>
          <Button type="submit" variant="primary" disabled={!password || busy} className="min-h-11 disabled:opacity-50">
            Confirm and record
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
