import Link from 'next/link';
import { ssoSignInOption } from '@/lib/server/auth/sso';

export const dynamic = 'force-dynamic';

/** Where an SSO sign-in that did not end in a session lands (better-auth's error callback). */
export default async function SsoRefusedPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const sso = ssoSignInOption();
  const provider = sso && 'label' in sso ? sso.label : 'single sign-on';
  const notInvited = error === 'not_invited' || error === 'no_email';
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-4 px-4">
      <h1 className="text-2xl font-bold tracking-tight">
        {notInvited ? 'You do not have a War Room account yet' : 'Sign-in did not finish'}
      </h1>
      {notInvited ? (
        <p className="text-soft">
          {provider} knows who you are, but War Room accounts are by invitation
          {error === 'no_email' ? ', and your identity provider did not share an email address' : ''}. Ask a War Room
          admin to invite you, then sign in with {provider} again.
        </p>
      ) : (
        <p className="text-soft">
          {provider} sent you back without a completed sign-in, so no one was signed in. Start again from the sign-in
          page.
          {error ? (
            <>
              {' '}
              (Reason: <code>{error.slice(0, 80)}</code>)
            </>
          ) : null}
        </p>
      )}
      <Link href="/sign-in" className="text-sky-700 underline dark:text-sky-300">
        Back to sign-in
      </Link>
    </main>
  );
}
