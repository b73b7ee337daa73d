import { TopNav } from '@/components/layout/top-nav';
import { UsersScreen } from '@/components/users/users-screen';
import { mayManageAccounts } from '@/lib/domain/accounts';
import { viaOf } from '@/lib/server/auth/get-actor';
import { requirePageActor } from '@/lib/server/auth/page-actor';
import { listAccountEvents } from '@/lib/server/users/account-events';
import { listInvitations } from '@/lib/server/users/invitations';
import { listUsers } from '@/lib/server/users/manage-users';

export const dynamic = 'force-dynamic';

export default async function UsersPage() {
  const actor = await requirePageActor('/settings/users');
  const allowed = mayManageAccounts({ isAdmin: actor.isAdmin, via: viaOf(actor) });
  const users = allowed ? await listUsers(actor) : { users: [], matching: 0 };
  return (
    <>
      <TopNav name={actor.name} isAdmin={actor.isAdmin} />
      <main className="mx-auto max-w-4xl px-4 py-6">
        <h1 className="mb-2 text-2xl font-bold">Users</h1>
        {allowed ? (
          <>
            <p className="mb-6 text-sm text-muted">
              People join by invitation: send them the link (single use, it expires). Deactivating someone signs them
              out everywhere at once and revokes their API tokens.
            </p>
            <UsersScreen
              selfId={actor.userId}
              initialUsers={users}
              initialInvitations={await listInvitations(actor)}
              initialHistory={await listAccountEvents(actor, new URLSearchParams())}
            />
          </>
        ) : (
          <p role="alert" className="text-sm">
            Only an admin can manage accounts. Ask an admin to invite the people you need.
          </p>
        )}
      </main>
    </>
  );
}
