import { TimelinePage } from '@/components/timeline/timeline-page';
import { loadDeploymentPage } from '@/lib/server/deployments/load-deployment-page';

export const dynamic = 'force-dynamic';

export default async function DeploymentTimelinePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { deployment } = await loadDeploymentPage(id, `/deployments/${id}/timeline`);
  return <TimelinePage initial={deployment} />;
}
