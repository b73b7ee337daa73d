import { DeploymentNotifications } from '@/components/notifications/deployment-notifications';
import { loadDeploymentPage } from '@/lib/server/deployments/load-deployment-page';

export const dynamic = 'force-dynamic';

/** The IC's webhooks for this deployment; other participants get a refusal, outsiders a 404. */
export default async function DeploymentNotificationsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { deployment } = await loadDeploymentPage(id, `/deployments/${id}/notifications`);
  return <DeploymentNotifications initial={deployment} />;
}
