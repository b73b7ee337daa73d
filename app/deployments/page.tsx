import { LiveDeploymentList } from '@/components/deployments/live-deployment-list';
import { TopNav } from '@/components/layout/top-nav';
import { parseDeploymentKind } from '@/lib/domain/deployment-kind';
import { parseSearchText } from '@/lib/domain/search-text';
import { requirePageActor } from '@/lib/server/auth/page-actor';
import { listDeployments, parseFinishedOffset } from '@/lib/server/deployments/list-deployments';

export const dynamic = 'force-dynamic';

export default async function DeploymentsPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[]; kind?: string | string[]; finishedOffset?: string | string[] }>;
}) {
  const actor = await requirePageActor('/deployments');
  const { q: rawQ, kind: rawKind, finishedOffset } = await searchParams;
  // A link edited by hand shows the newest finished go-lives (or all of them) rather than an error page.
  const offset = parseFinishedOffset(typeof finishedOffset === 'string' ? finishedOffset : undefined) ?? 0;
  const q = parseSearchText(typeof rawQ === 'string' ? rawQ : undefined) ?? '';
  const kind = parseDeploymentKind(typeof rawKind === 'string' ? rawKind : undefined) ?? 'all';
  const list = await listDeployments(actor, { q, kind, finishedOffset: offset });
  return (
    <>
      <TopNav name={actor.name} isAdmin={actor.isAdmin} />
      <main className="mx-auto max-w-7xl px-4 py-6">
        <LiveDeploymentList initial={list} query={{ q, kind, finishedOffset: offset }} now={new Date().toISOString()} />
      </main>
    </>
  );
}
