'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { CopyButton } from '@/components/ui/copy-button';
import { SearchField } from '@/components/ui/search-field';
import { SelectField } from '@/components/ui/select-field';
import type { AccountEventDto, InvitationDto, UserListDto } from '@/lib/contracts/users';
import { ACCOUNT_SHOWS, type AccountShow, accountShowLabel, peopleCountLine } from '@/lib/domain/account-list';
import { formatUtc } from '@/lib/domain/clock';
import { AccountHistory } from './account-history';
import { useUsers } from './use-users';

const cell = 'px-2 py-2 text-left';

export function UsersScreen({
  selfId,
  initialUsers,
  initialInvitations,
  initialHistory,
}: {
  selfId: string;
  initialUsers: UserListDto;
  initialInvitations: InvitationDto[];
  initialHistory: { events: AccountEventDto[]; nextBefore: string | null };
}) {
  const [email, setEmail] = useState('');
  const [isAdmin, setIsAdmin] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [show, setShow] = useState<AccountShow>('everyone');
  const {
    users: { users, matching },
    searchedFor,
    searching,
    invitations,
    invite,
    revoke,
    setActive,
  } = useUsers(initialUsers, initialInvitations, { search, show }, (path) => {
    setLink(`${window.location.origin}${path}`);
    setEmail('');
    setIsAdmin(false);
  });
  const pending = invitations.filter((i) => i.status === 'pending');
  return (
    <div className="flex flex-col gap-8">
      <section aria-labelledby="invite-heading" className="rounded-lg border border-line p-4">
        <h2 id="invite-heading" className="mb-3 text-lg font-semibold">
          Invite someone
        </h2>
        <form
          className="flex flex-wrap items-end gap-3"
          onSubmit={(e) => (e.preventDefault(), invite.mutate({ email, isAdmin }))}
        >
          <label className="flex flex-col gap-1 text-sm">
            Email
            <input
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              className="rounded-md border border-line-strong bg-surface px-3 py-2"
            />
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={isAdmin} onChange={(e) => setIsAdmin(e.target.checked)} />
            Admin
          </label>
          <Button type="submit" variant="primary" disabled={invite.isPending || !email}>
            Create invite link
          </Button>
        </form>
        {link ? (
          <div
            role="status"
            className="mt-3 rounded-md border border-emerald-400 bg-emerald-50 p-3 text-sm dark:border-emerald-700 dark:bg-emerald-950"
          >
            <p className="mb-2">Send this link to them — it works once, for 7 days, and is not shown again:</p>
            <div className="flex items-center gap-2">
              <code className="break-all font-mono" data-testid="invite-link">
                {link}
              </code>
              <CopyButton text={link} />
            </div>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="pending-heading">
        <h2 id="pending-heading" className="mb-2 text-lg font-semibold">
          Pending invitations
        </h2>
        {pending.length === 0 ? <p className="text-sm text-faint">None.</p> : null}
        <ul className="flex flex-col gap-2">
          {pending.map((inv) => (
            <li
              key={inv.id}
              data-testid="invitation-row"
              className="flex flex-wrap items-center gap-3 rounded-md border border-line px-3 py-2 text-sm"
            >
              <span className="font-medium">{inv.email}</span>
              {inv.isAdmin ? <span className="text-xs">admin</span> : null}
              <span className="text-xs text-faint">expires {formatUtc(new Date(inv.expiresAt))}</span>
              <Button type="button" variant="ghost" className="ml-auto" onClick={() => revoke.mutate(inv.id)}>
                Revoke
              </Button>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="users-heading">
        <div className="mb-2 flex flex-wrap items-end gap-3">
          <h2 id="users-heading" className="w-full text-lg font-semibold sm:mr-auto sm:w-auto">
            People
          </h2>
          <SelectField
            label="Show"
            value={show}
            onChoose={setShow}
            choices={ACCOUNT_SHOWS}
            labelOf={accountShowLabel}
          />
          <SearchField
            label="Find a person"
            className="min-w-0 flex-1 sm:flex-none"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Name or email"
          />
        </div>
        <p className="mb-2 text-sm text-muted" role="status" data-testid="people-count">
          {searching ? 'Searching…' : peopleCountLine(users.length, matching, searchedFor, show)}
        </p>
        {/* relative: the header's sr-only label is absolutely placed and would otherwise widen the page on a phone.
            Focusable, so a keyboard can scroll it sideways even when the rows hold no button (only you). */}
        <div className="relative overflow-x-auto" tabIndex={0} role="region" aria-labelledby="users-heading">
          <table className="w-full text-sm">
            <thead className="text-xs text-faint">
              <tr>
                <th className={cell}>Name</th>
                <th className={cell}>Email</th>
                <th className={cell}>Admin</th>
                <th className={cell}>Status</th>
                <th className={cell}>Last seen</th>
                <th className={cell}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} data-testid="user-row" className="border-t border-line">
                  <td className={cell}>{u.name}</td>
                  <td className={cell}>{u.email}</td>
                  <td className={cell}>{u.isAdmin ? 'admin' : '—'}</td>
                  <td className={cell}>{u.active ? '● active' : '○ deactivated'}</td>
                  <td className={cn(cell, 'tabular-nums')}>
                    {u.lastSeenAt ? formatUtc(new Date(u.lastSeenAt)) : 'never'}
                  </td>
                  <td className={cell}>
                    {u.id === selfId ? (
                      <span className="text-xs text-faint">you</span>
                    ) : (
                      <Button
                        type="button"
                        variant="ghost"
                        onClick={() => setActive.mutate({ id: u.id, active: !u.active })}
                      >
                        {u.active ? `Deactivate ${u.name}` : `Reactivate ${u.name}`}
                      </Button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <AccountHistory initial={initialHistory} people={users} />
    </div>
  );
}
