import { DeploymentList } from '@/components/deployments/deployment-list';
import { TopNav } from '@/components/layout/top-nav';
import { requirePageActor } from '@/lib/server/auth/page-actor';
import { listDeployments, parseFinishedOffset } from '@/lib/server/deployments/list-deployments';

export const dynamic = 'force-dynamic';

export default async function DeploymentsPage({
  searchParams,
}: {
  searchParams: Promise<{ finishedOffset?: string | string[] }>;
}) {
  const actor = await requirePageActor('/deployments');
  const { finishedOffset } = await searchParams;
  // A link edited by hand shows the newest finished go-lives rather than an error page.
  const offset = parseFinishedOffset(typeof finishedOffset === 'string' ? finishedOffset : undefined) ?? 0;
  const list = await listDeployments(actor, offset);
  return (
    <>
      <TopNav name={actor.name} isAdmin={actor.isAdmin} />
      <main className="mx-auto max-w-7xl px-4 py-6">
        <DeploymentList list={list} finishedOffset={offset} now={new Date().toISOString()} />
      </main>
    </>
  );
}
