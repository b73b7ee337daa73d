import { IcCockpit } from '@/components/war-room/ic-cockpit';
import { loadDeploymentPage } from '@/lib/server/deployments/load-deployment-page';

export const dynamic = 'force-dynamic';

export default async function DeploymentPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { deployment } = await loadDeploymentPage(id, `/deployments/${id}`);
  return <IcCockpit initial={deployment} />;
}
