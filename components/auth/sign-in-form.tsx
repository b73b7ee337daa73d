'use client';

import { Button } from '@/components/ui/button';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { authClient } from '@/lib/client/auth-client';

const field = 'w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-base';

export function SignInForm({ next }: { next: string }) {
  const { busy, error, submit } = useFormSubmit();
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={submit(async (form) => {
        const { error: failure } = await authClient.signIn.email({
          email: String(form.get('email')),
          password: String(form.get('password')),
        });
        if (failure) {
          // Our own refusals (demo password beyond loopback, a deactivated account) say why.
          const ours = (failure as { error?: { message?: string } }).error?.message;
          throw new Error(
            failure.status === 429
              ? 'Too many attempts: wait a minute and try again.'
              : failure.status === 403 && ours
                ? ours
                : 'That email and password do not match an account.',
          );
        }
        window.location.assign(next);
      })}
    >
      <label className="flex flex-col gap-1 text-sm">
        Email
        <input name="email" type="email" autoComplete="username" required className={field} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Password
        <input name="password" type="password" autoComplete="current-password" required className={field} />
      </label>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          ⚠ {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={busy} className="min-h-11">
        {busy ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
