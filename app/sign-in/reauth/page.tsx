import { SsoReauthStart } from '@/components/auth/sso-reauth';

export const dynamic = 'force-dynamic';

/** Opened in a small window by the step-up dialog: straight to the SSO provider and back. */
export default function SsoReauthPage() {
  return <SsoReauthStart />;
}
