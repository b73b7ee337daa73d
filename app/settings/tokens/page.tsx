import { TopNav } from '@/components/layout/top-nav';
import { TokenManager } from '@/components/settings/token-manager';
import { requirePageActor } from '@/lib/server/auth/page-actor';
import { listApiTokens } from '@/lib/server/users/manage-tokens';

export const dynamic = 'force-dynamic';

export default async function TokensPage() {
  const actor = await requirePageActor('/settings/tokens');
  const tokens = await listApiTokens(actor.userId);
  return (
    <>
      <TopNav name={actor.name} isAdmin={actor.isAdmin} />
      <main className="mx-auto max-w-3xl px-4 py-6">
        <h1 className="mb-2 text-2xl font-bold">API tokens</h1>
        <p className="mb-6 text-sm text-muted">
          For pipelines and scripts: send <code>Authorization: Bearer &lt;token&gt;</code>. A token acts with your
          rights, narrowed by its scopes. It is shown once.
        </p>
        <TokenManager initial={tokens} />
      </main>
    </>
  );
}
