import { headers } from 'next/headers';
import { SignInForm } from '@/components/auth/sign-in-form';
import { SsoSignInButton } from '@/components/auth/sso-sign-in-button';
import { safeNextPath } from '@/lib/domain/safe-next';
import { isLoopbackRequest } from '@/lib/server/auth/auth-guards';
import { passwordSignInEnabled, ssoSignInOption } from '@/lib/server/auth/sso';
import { env } from '@/lib/server/env';

export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  // Only a path on this site: never another host, however the address spells it.
  const safeNext = next === undefined ? '/deployments' : safeNextPath(next);
  const sso = ssoSignInOption();
  const password = passwordSignInEnabled();
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-4">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">War Room</h1>
        <p className="mt-1 text-muted">Sign in to run or watch a go-live.</p>
      </div>
      {sso && 'label' in sso ? <SsoSignInButton label={sso.label} next={safeNext} passwordSignIn={password} /> : null}
      {sso && 'problem' in sso ? (
        <p
          role="alert"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
        >
          ⚠ Single sign-on is not available: {sso.problem} {password ? 'Password sign-in still works.' : ''}
        </p>
      ) : null}
      {sso && password ? (
        <p className="text-center text-xs uppercase tracking-wide text-faint">or with your password</p>
      ) : null}
      {password ? <SignInForm next={safeNext} /> : null}
      {/* The published demo password is shown only on the machine itself, where it also works. */}
      {password && env().DATABASE_URL?.includes('sslmode=disable') && isLoopbackRequest(await headers()) ? (
        <p className="text-sm text-muted">
          Demo: <code>ic@warroom.local</code> (or dba@, qa@, devops@, stakeholder@…) with password{' '}
          <code>warroom-demo</code>.
        </p>
      ) : null}
    </main>
  );
}
