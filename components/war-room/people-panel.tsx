'use client';

import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { InviteToRole } from './invite-to-role';
import { useCan } from './use-can';
import { useRemoveParticipant } from './use-participants';
import { useRoleInvitations } from './use-role-invitations';
import { useWarRoom } from './war-room-context';

/** Roles, who holds them, who is online — and, for the IC, inviting people into roles. */
export function PeoplePanel() {
  const { deployment, presence } = useWarRoom();
  const online = new Set(presence.map((p) => p.userId));
  const manage = useCan()('participant.manage');
  const invitations = useRoleInvitations(deployment, manage);
  const remove = useRemoveParticipant(deployment.id);

  return (
    <section aria-labelledby="people-title">
      <h2 id="people-title" className="mb-2 text-lg font-semibold">
        People
      </h2>
      <ul className="flex flex-col gap-2" data-testid="people">
        {deployment.roles.map((role) => (
          <li key={role.key} className="rounded-md border border-line px-3 py-2 text-sm">
            <Link href={`/deployments/${deployment.id}/roles/${role.key}`} className="font-medium hover:underline">
              {role.name}
            </Link>
            {role.readOnly ? <span className="ml-1 text-xs text-faint">read-only</span> : null}
            <ul className="mt-1 flex flex-col gap-1">
              {role.holders.length === 0 ? <li className="text-xs text-faint">Nobody assigned</li> : null}
              {role.holders.map((holder) => (
                <li key={holder.participantId} className="flex items-center gap-2">
                  <span
                    className={cn(
                      'inline-block h-2 w-2 rounded-full',
                      online.has(holder.userId) ? 'bg-emerald-500' : 'bg-slate-400',
                    )}
                    aria-hidden
                  />
                  <span>{holder.name}</span>
                  <span className="sr-only">{online.has(holder.userId) ? '(online)' : '(offline)'}</span>
                  {manage ? (
                    <button
                      className="ml-auto text-xs text-faint underline"
                      onClick={() => remove.mutate(holder.participantId)}
                      aria-label={`Remove ${holder.name} from ${role.name}`}
                    >
                      Remove
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {manage ? <InviteToRole deployment={deployment} invitations={invitations} /> : null}
    </section>
  );
}
