import 'server-only';
import { notFound } from 'next/navigation';
import { requirePageActor } from '@/lib/server/auth/page-actor';
import { isAppError } from '@/lib/server/errors';
import { getDeployment } from './get-deployment';

/** For war-room pages: the signed-in person and the deployment, or the sign-in page / a 404. */
export async function loadDeploymentPage(id: string, path: string) {
  const actor = await requirePageActor(path);
  try {
    return { actor, deployment: await getDeployment(actor, id) };
  } catch (error) {
    if (isAppError(error) && (error.code === 'not_found' || error.code === 'forbidden')) notFound();
    throw error;
  }
}
