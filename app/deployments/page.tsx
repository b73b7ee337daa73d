import { DeploymentList } from '@/components/deployments/deployment-list';
import { TopNav } from '@/components/layout/top-nav';
import { requirePageActor } from '@/lib/server/auth/page-actor';
import { listDeployments } from '@/lib/server/deployments/list-deployments';

export const dynamic = 'force-dynamic';

export default async function DeploymentsPage() {
  const actor = await requirePageActor('/deployments');
  const deployments = await listDeployments(actor);
  return (
    <>
      <TopNav name={actor.name} isAdmin={actor.isAdmin} />
      <main className="mx-auto max-w-7xl px-4 py-6">
        <DeploymentList deployments={deployments} now={new Date().toISOString()} />
      </main>
    </>
  );
}
