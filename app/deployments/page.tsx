import { DeploymentList } from '@/components/deployments/deployment-list';
import { TopNav } from '@/components/layout/top-nav';
import { parseSearchText } from '@/lib/domain/search-text';
import { requirePageActor } from '@/lib/server/auth/page-actor';
import { listDeployments, parseFinishedOffset } from '@/lib/server/deployments/list-deployments';

export const dynamic = 'force-dynamic';

export default async function DeploymentsPage({
  searchParams,
}: {
  searchParams: Promise<{ q?: string | string[]; finishedOffset?: string | string[] }>;
}) {
  const actor = await requirePageActor('/deployments');
  const { q: rawQ, finishedOffset } = await searchParams;
  // A link edited by hand shows the newest finished go-lives (or every go-live) rather than an error page.
  const offset = parseFinishedOffset(typeof finishedOffset === 'string' ? finishedOffset : undefined) ?? 0;
  const q = parseSearchText(typeof rawQ === 'string' ? rawQ : undefined) ?? '';
  const list = await listDeployments(actor, { q, finishedOffset: offset });
  return (
    <>
      <TopNav name={actor.name} isAdmin={actor.isAdmin} />
      <main className="mx-auto max-w-7xl px-4 py-6">
        <DeploymentList list={list} q={q} finishedOffset={offset} now={new Date().toISOString()} />
      </main>
    </>
  );
}
