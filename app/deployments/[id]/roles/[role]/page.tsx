import { notFound } from 'next/navigation';
import { RoleChecklist } from '@/components/war-room/role-checklist';
import { loadDeploymentPage } from '@/lib/server/deployments/load-deployment-page';

export const dynamic = 'force-dynamic';

export default async function RolePage({ params }: { params: Promise<{ id: string; role: string }> }) {
  const { id, role } = await params;
  const { deployment } = await loadDeploymentPage(id, `/deployments/${id}/roles/${role}`);
  if (!deployment.roles.some((r) => r.key === role)) notFound();
  return <RoleChecklist initial={deployment} roleKey={role} />;
}
