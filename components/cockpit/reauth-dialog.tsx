'use client';

import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api, ApiError } from '@/lib/client/api';

/** What the SSO re-authentication window (/sign-in/reauth/done) tells the war room. */
export const REAUTH_DONE_MESSAGE = 'warroom:reauth-done';

/**
 * Step-up before a go / no-go decision: the server answered `reauth_required`, so the person
 * confirms their password, or signs in with their SSO provider again in a small window (the war
 * room stays where it is); then the decision is sent again exactly as it was (the comment or
 * reason they typed stays in the dialog underneath).
 */
export function ReauthDialog({
  ssoLabel = null,
  onConfirmed,
  onClose,
}: {
  ssoLabel?: string | null;
  onConfirmed: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog title="Confirm it is you" onClose={onClose} testId="reauth-dialog">
      {ssoLabel ? (
        <SsoReauth label={ssoLabel} onConfirmed={onConfirmed} onClose={onClose} />
      ) : (
        <PasswordReauth onConfirmed={onConfirmed} onClose={onClose} />
      )}
    </Dialog>
  );
}

function SsoReauth({ label, onConfirmed, onClose }: { label: string; onConfirmed: () => void; onClose: () => void }) {
  const [waiting, setWaiting] = useState(false);
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin === window.location.origin && event.data === REAUTH_DONE_MESSAGE) onConfirmed();
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [onConfirmed]);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-muted">
        A go / no-go decision is recorded with who made it. You signed in with {label} a while ago: sign in with it
        again (in a small window) to record this decision.
      </p>
      {waiting ? (
        <p className="text-sm text-muted">Waiting for {label}… finish signing in in the other window.</p>
      ) : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button type="button" variant="ghost" onClick={onClose} className="min-h-11">
          Cancel
        </Button>
        <Button
          type="button"
          variant="primary"
          className="min-h-11"
          onClick={() => {
            setWaiting(true);
            window.open('/sign-in/reauth', 'warroom-reauth', 'width=520,height=700');
          }}
        >
          Confirm with {label}
        </Button>
      </div>
    </div>
  );
}

function PasswordReauth({ onConfirmed, onClose }: { onConfirmed: () => void; onClose: () => void }) {
  const [password, setPassword] = useState('');
  const { busy, error, submit } = useFormSubmit();
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={submit(async () => {
        if (!password) return 'done';
        try {
          await api('/api/session/reauth', { method: 'POST', json: { password } });
        } catch (e) {
          throw e instanceof ApiError ? e : new Error('That did not work; nothing was recorded.');
        }
        onConfirmed();
      })}
    >
      <p className="text-sm text-muted">
        A go / no-go decision is recorded with who made it. You signed in a while ago: enter your password to record
        this decision.
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
          className="rounded-md border border-line-strong bg-field px-3 py-2 text-base font-normal"
        />
      </label>
      {error ? (
        <p role="alert" className="text-sm text-danger" data-testid="reauth-error">
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
  );
}
