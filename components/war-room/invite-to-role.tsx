'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { useToast } from '@/components/ui/toast';
import type { DeploymentDto } from '@/lib/contracts/deployments';
import { formatUtc } from '@/lib/domain/clock';
import { inviteToRoleSchema } from '@/lib/schemas/participant';
import type { useRoleInvitations } from './use-role-invitations';

type Invitations = ReturnType<typeof useRoleInvitations>;
type Outcome =
  { kind: 'link'; link: string; email: string; roleName: string } | { kind: 'added'; name: string; roleName: string };

const field =
  'min-h-11 rounded-md border border-slate-300 bg-white px-2 text-base sm:min-h-9 sm:text-sm dark:border-slate-600 dark:bg-slate-900';

/**
 * "Invite to role": an email and a role. Someone without an account gets a one-time link that
 * makes their account and puts them in the role; someone with an account is assigned at once.
 */
export function InviteToRole({ deployment, invitations }: { deployment: DeploymentDto; invitations: Invitations }) {
  const toast = useToast();
  const [email, setEmail] = useState('');
  const [roleKey, setRoleKey] = useState(deployment.roles.find((r) => !r.isIc)?.key ?? deployment.roles[0]?.key ?? '');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const { invite } = invitations;

  return (
    <div className="mt-4 flex flex-col gap-3" data-testid="invite-to-role">
      <form
        aria-labelledby="invite-title"
        className="flex flex-col gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const parsed = inviteToRoleSchema.safeParse({ email: email.trim(), roleKey });
          if (!parsed.success) return toast.error('Enter an email address and pick a role.');
          setOutcome(null);
          invite.mutate(parsed.data, {
            onSuccess: (result) => {
              setEmail('');
              const roleName = deployment.roles.find((r) => r.key === parsed.data.roleKey)?.name ?? parsed.data.roleKey;
              setOutcome(
                result.outcome === 'invited'
                  ? {
                      kind: 'link',
                      link: `${window.location.origin}${result.path}`,
                      email: result.invitation.email,
                      roleName,
                    }
                  : { kind: 'added', name: result.participant.name, roleName },
              );
            },
            onError: (error) => toast.error(error.message),
          });
        }}
      >
        <h3 id="invite-title" className="text-sm font-semibold">
          Invite to role
        </h3>
        <p className="text-xs text-muted">
          New people get a one-time link that makes their account; people who already have one join at once.
        </p>
        <div className="flex flex-wrap gap-2">
          <label className="sr-only" htmlFor="invite-email">
            Email
          </label>
          <input
            id="invite-email"
            type="email"
            required
            autoComplete="off"
            placeholder="person@company.com"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className={`${field} min-w-0 flex-1 basis-48`}
          />
          <label className="sr-only" htmlFor="invite-role">
            Role
          </label>
          <select
            id="invite-role"
            value={roleKey}
            onChange={(e) => setRoleKey(e.target.value)}
            className={`${field} flex-1 sm:flex-none`}
          >
            {deployment.roles.map((role) => (
              <option key={role.key} value={role.key}>
                {role.name}
              </option>
            ))}
          </select>
          <Button
            type="submit"
            variant="primary"
            disabled={invite.isPending || !email.trim()}
            className="min-h-11 sm:min-h-9"
          >
            {invite.isPending ? 'Inviting…' : 'Invite'}
          </Button>
        </div>
      </form>

      {outcome?.kind === 'link' ? (
        <div
          role="status"
          data-testid="role-invite-link"
          className="rounded-md border border-emerald-500 bg-emerald-50 p-3 text-sm dark:border-emerald-700 dark:bg-emerald-950"
        >
          <p className="mb-2">
            ✓ Send this link to <strong>{outcome.email}</strong>: it makes their account and puts them in{' '}
            <strong>{outcome.roleName}</strong>. It works once, for 7 days, and is not shown again.
          </p>
          <div className="flex items-start gap-2">
            <code className="min-w-0 flex-1 break-all font-mono text-xs" data-testid="invite-link">
              {outcome.link}
            </code>
            <CopyButton text={outcome.link} label="Copy link" />
          </div>
        </div>
      ) : outcome?.kind === 'added' ? (
        <p role="status" className="text-sm">
          ✓ {outcome.name} already had an account and now holds {outcome.roleName}.
        </p>
      ) : null}

      <PendingInvitations invitations={invitations} />
    </div>
  );
}

function PendingInvitations({ invitations: { invitations, loading, revoke } }: { invitations: Invitations }) {
  const toast = useToast();
  return (
    <section aria-labelledby="pending-invitations-title">
      <h3 id="pending-invitations-title" className="mb-1 text-sm font-semibold">
        Pending invitations
      </h3>
      {loading ? (
        <p className="text-xs text-slate-500">Loading…</p>
      ) : invitations.length === 0 ? (
        <p className="text-xs text-muted">None.</p>
      ) : null}
      <ul className="flex flex-col gap-1" data-testid="pending-invitations">
        {invitations.map((inv) => (
          <li
            key={inv.id}
            data-testid="pending-invitation"
            className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded-md border border-dashed border-slate-300 px-2 py-1.5 text-sm dark:border-slate-700"
          >
            <span className="min-w-0 break-all font-medium">{inv.email}</span>
            <span className="text-xs text-muted">→ {inv.roleName}</span>
            <span className="text-xs tabular-nums text-muted">expires {formatUtc(new Date(inv.expiresAt))}</span>
            <Button
              type="button"
              variant="ghost"
              className="ml-auto min-h-11 sm:min-h-9"
              disabled={revoke.isPending}
              aria-label={`Revoke the invitation of ${inv.email} to ${inv.roleName}`}
              onClick={() => revoke.mutate(inv.id, { onError: (error) => toast.error(error.message) })}
            >
              Revoke
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
