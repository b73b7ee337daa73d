import { TopNav } from '@/components/layout/top-nav';
import { GlobalWebhooks } from '@/components/notifications/global-webhooks';
import { requirePageActor } from '@/lib/server/auth/page-actor';

export const dynamic = 'force-dynamic';

export default async function GlobalWebhooksPage() {
  const actor = await requirePageActor('/settings/webhooks');
  return (
    <>
      <TopNav name={actor.name} isAdmin={actor.isAdmin} />
      <main className="mx-auto max-w-4xl px-4 py-6">
        <h1 className="mb-2 text-2xl font-bold">Webhooks for every deployment</h1>
        <p className="mb-6 text-sm text-muted">
          These hear the chosen events of every war room, present and future — for a company-wide go-live channel. A
          single war room’s webhooks are set by its IC under <em>Notifications</em> in its header.
        </p>
        <GlobalWebhooks actor={{ userId: actor.userId, isAdmin: actor.isAdmin }} />
      </main>
    </>
  );
}
