import { SsoReauthDone } from '@/components/auth/sso-reauth';

export const dynamic = 'force-dynamic';

/** Where the SSO provider returns the step-up window: tells the war room, and closes. */
export default function SsoReauthDonePage() {
  return <SsoReauthDone />;
}
