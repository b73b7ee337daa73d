import { headers } from 'next/headers';
import { SignInForm } from '@/components/auth/sign-in-form';
import { isLoopbackRequest } from '@/lib/server/auth/auth-guards';
import { safeNextPath } from '@/lib/domain/safe-next';

export const dynamic = 'force-dynamic';

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  // Only a path on this site: never another host, however the address spells it.
  const safeNext = next === undefined ? '/deployments' : safeNextPath(next);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-6 px-4">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">War Room</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">Sign in to run or watch a go-live.</p>
      </div>
      <SignInForm next={safeNext} />
      {/* The published demo password is shown only on the machine itself, where it also works. */}
      {process.env.DATABASE_URL?.includes('sslmode=disable') && isLoopbackRequest(await headers()) ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Demo: <code>ic@warroom.local</code> (or dba@, qa@, devops@, stakeholder@…) with password <code>warroom-demo</code>.
        </p>
      ) : null}
    </main>
  );
}
