'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { api } from '@/lib/client/api';
import { deploymentKeys } from '@/lib/client/query-keys';
import { can } from '@/lib/domain/rbac';
import { addParticipantSchema } from '@/lib/schemas/participant';
import { useWarRoom } from './war-room-context';
import { cn } from '@/components/ui/cn';

/** Roles, who holds them, who is online — and, for the IC, assigning people to roles. */
export function PeoplePanel() {
  const { deployment, presence } = useWarRoom();
  const queryClient = useQueryClient();
  const toast = useToast();
  const online = new Set(presence.map((p) => p.userId));
  const manage = can({ userId: deployment.me.userId, isAdmin: deployment.me.isAdmin }, 'participant.manage', { deploymentId: deployment.id, heldRoles: deployment.me.roles });
  const [email, setEmail] = useState('');
  const [roleKey, setRoleKey] = useState(deployment.roles[0]?.key ?? '');
  const refresh = () => queryClient.invalidateQueries({ queryKey: deploymentKeys.detail(deployment.id) });

  const add = useMutation({
    mutationFn: (input: { email: string; roleKey: string }) => api(`/api/deployments/${deployment.id}/participants`, { method: 'POST', json: input }),
    onSuccess: () => {
      setEmail('');
      void refresh();
    },
    onError: (error) => toast.error(error.message),
  });
  const remove = useMutation({
    mutationFn: (participantId: string) => api(`/api/deployments/${deployment.id}/participants/${participantId}`, { method: 'DELETE' }),
    onSuccess: () => void refresh(),
    onError: (error) => toast.error(error.message),
  });

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
            {role.readOnly ? <span className="ml-1 text-xs text-slate-500">read-only</span> : null}
            <ul className="mt-1 flex flex-col gap-1">
              {role.holders.length === 0 ? <li className="text-xs text-slate-500">Nobody assigned</li> : null}
              {role.holders.map((holder) => (
                <li key={holder.participantId} className="flex items-center gap-2">
                  <span
                    className={cn('inline-block h-2 w-2 rounded-full', online.has(holder.userId) ? 'bg-emerald-500' : 'bg-slate-400')}
                    aria-label={online.has(holder.userId) ? 'online' : 'offline'}
                  />
                  <span>{holder.name}</span>
                  <span className="sr-only">{online.has(holder.userId) ? '(online)' : '(offline)'}</span>
                  {manage ? (
                    <button className="ml-auto text-xs text-slate-500 underline" onClick={() => remove.mutate(holder.participantId)} aria-label={`Remove ${holder.name} from ${role.name}`}>
                      Remove
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {manage ? (
        <form
          className="mt-3 flex flex-wrap gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            const parsed = addParticipantSchema.safeParse({ email, roleKey });
            if (!parsed.success) return toast.error('Enter the email of an existing account and pick a role.');
            add.mutate(parsed.data);
          }}
        >
          <label className="sr-only" htmlFor="assign-email">Email</label>
          <input
            id="assign-email"
            type="email"
            placeholder="person@company.com"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className="min-h-9 min-w-0 flex-1 rounded-md border border-line-strong bg-surface px-2 text-sm"
          />
          <label className="sr-only" htmlFor="assign-role">Role</label>
          <select id="assign-role" value={roleKey} onChange={(e) => setRoleKey(e.target.value)} className="min-h-9 rounded-md border border-line-strong bg-surface px-2 text-sm">
            {deployment.roles.map((role) => (
              <option key={role.key} value={role.key}>
                {role.name}
              </option>
            ))}
          </select>
          <Button type="submit" disabled={add.isPending}>
            Assign
          </Button>
        </form>
      ) : null}
    </section>
  );
}
