import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DeploymentWall } from '@/components/wall/deployment-wall';
import { requirePageActor } from '@/lib/server/auth/page-actor';
import { isAppError } from '@/lib/server/errors';
import { getDeploymentWall } from '@/lib/server/status/get-deployment-wall';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Wall · War Room' };

/** The wall for the war room's TV: signed in, anyone who may read the deployment. */
export default async function DeploymentWallPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor(`/deployments/${id}/wall`);
  const wall = await getDeploymentWall(actor, id).catch((error: unknown) => {
    if (isAppError(error) && (error.code === 'not_found' || error.code === 'forbidden')) return null;
    throw error;
  });
  if (!wall) notFound();
  return <DeploymentWall deploymentId={id} initial={wall.status} />;
}
