import { StakeholderStatus } from '@/components/stakeholder/stakeholder-status';
import { loadDeploymentPage } from '@/lib/server/deployments/load-deployment-page';

export const dynamic = 'force-dynamic';

/** The read-only status of one deployment for signed-in participants — stakeholders first of all. */
export default async function DeploymentStatusPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { deployment } = await loadDeploymentPage(id, `/deployments/${id}/status`);
  return <StakeholderStatus initial={deployment} />;
}
