'use client';

import { useEffect, useState } from 'react';
import { REAUTH_DONE_MESSAGE } from '@/components/cockpit/reauth-dialog';
import { authClient } from '@/lib/client/auth-client';

/** The step-up window's first page: hands over to the SSO provider (a fresh sign-in is a fresh session). */
export function SsoReauthStart() {
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void authClient.signIn
      .social({ provider: 'oidc', callbackURL: '/sign-in/reauth/done', errorCallbackURL: '/sign-in/refused' })
      .then(({ error: failure }) => {
        if (failure)
          setError('Single sign-on cannot be reached right now: close this window and try again in a minute.');
      });
  }, []);
  return <main className="p-6 text-sm">{error ?? 'Opening single sign-on…'}</main>;
}

/** The step-up window's last page: the war room that opened it sends the decision again. */
export function SsoReauthDone() {
  useEffect(() => {
    window.opener?.postMessage(REAUTH_DONE_MESSAGE, window.location.origin);
    window.close();
  }, []);
  return <main className="p-6 text-sm">Confirmed. You can close this window.</main>;
}
