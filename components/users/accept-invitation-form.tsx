'use client';

import { Button } from '@/components/ui/button';
import { useFormSubmit } from '@/components/ui/use-form-submit';
import { api } from '@/lib/client/api';

const field = 'w-full rounded-md border border-line-strong bg-surface px-3 py-2 text-base';

export function AcceptInvitationForm({
  token,
  email,
  next = '/deployments',
}: {
  token: string;
  email: string;
  next?: string;
}) {
  const { busy, error, submit } = useFormSubmit();
  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={submit(async (form) => {
        await api(`/api/invitations/${encodeURIComponent(token)}/accept`, {
          method: 'POST',
          json: { name: String(form.get('name')), password: String(form.get('password')) },
        });
        // A full load, so every page sees the new session cookie.
        window.location.assign(next);
      })}
    >
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <label className="flex flex-col gap-1 text-sm">
        Your name
        <input name="name" required maxLength={120} autoComplete="name" className={field} />
      </label>
      <label className="flex flex-col gap-1 text-sm">
        Password
        <input name="password" type="password" required minLength={8} autoComplete="new-password" className={field} />
      </label>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          ⚠ {error}
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={busy} className="min-h-11">
        {busy ? 'Creating your account…' : 'Create account and sign in'}
      </Button>
    </form>
  );
}
