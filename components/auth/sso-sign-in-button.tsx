'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { authClient } from '@/lib/client/auth-client';

/** "Sign in with <OIDC_NAME>": hands the browser to the operator's identity provider. */
export function SsoSignInButton({
  label,
  next,
  passwordSignIn,
}: {
  label: string;
  next: string;
  passwordSignIn: boolean;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <div className="flex flex-col gap-2">
      <Button
        type="button"
        variant={passwordSignIn ? 'secondary' : 'primary'}
        disabled={busy}
        className="min-h-11"
        onClick={async () => {
          setBusy(true);
          setError(null);
          const { error: failure } = await authClient.signIn.social({
            provider: 'oidc',
            callbackURL: next,
            errorCallbackURL: '/sign-in/refused',
          });
          // On success the browser is already on its way to the identity provider.
          if (failure) {
            setBusy(false);
            setError(
              `${label} cannot be reached right now${passwordSignIn ? ': sign in with your password instead, or try again in a minute' : ': try again in a minute'}. If it persists, an admin can check OIDC_ISSUER and the server log.`,
            );
          }
        }}
      >
        {busy ? `Opening ${label}…` : `Sign in with ${label}`}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          ⚠ {error}
        </p>
      ) : null}
    </div>
  );
}
