'use client';

import { useState, type FormEvent } from 'react';
import { cn } from '@/components/ui/cn';
import { useSubscribe } from './use-status-mail';

/**
 * "Get updates by email" on the public page (only when the server can send mail). The answer is
 * the same for every address, so success says "check your inbox", never "you are subscribed".
 */
export function SubscribeForm({ token }: { token: string }) {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const subscribe = useSubscribe(token);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    subscribe.mutate(email.trim(), { onSuccess: () => setSentTo(email.trim()) });
  };
  if (sentTo)
    return (
      <p role="status" className="text-lg text-emerald-800" data-testid="subscribe-sent">
        Check your inbox: we sent a confirmation link to <strong className="break-all">{sentTo}</strong>. Mails start
        once you open it.
      </p>
    );
  const error = subscribe.error?.message;
  return (
    <form onSubmit={submit} className="flex flex-col gap-2" data-testid="subscribe-form" noValidate>
      <label htmlFor="subscribe-email" className="text-base text-slate-600">
        Get an email when the go-live is moved, starts, changes state, or the team posts an update.
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id="subscribe-email"
          type="email"
          inputMode="email"
          autoComplete="email"
          required
          maxLength={254}
          placeholder="you@example.com"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'subscribe-error' : undefined}
          className={cn(
            'min-h-11 min-w-0 flex-1 rounded-lg border bg-white px-3 text-lg',
            error ? 'border-red-600' : 'border-slate-300',
          )}
        />
        <button
          type="submit"
          disabled={subscribe.isPending || !email.trim()}
          className="min-h-11 rounded-lg bg-sky-700 px-5 text-lg font-medium text-white hover:bg-sky-800 disabled:bg-slate-400"
        >
          {subscribe.isPending ? 'Subscribing…' : 'Subscribe'}
        </button>
      </div>
      {error ? (
        <p id="subscribe-error" role="alert" className="text-base text-red-700" data-testid="subscribe-error">
          {error}
        </p>
      ) : (
        <p className="text-sm text-slate-600">Every mail has a one-click unsubscribe link.</p>
      )}
    </form>
  );
}
