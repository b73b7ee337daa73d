import { REPORT_EVENT_TYPES, renderReport, reportFileName } from '@/lib/domain/report';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { getDeployment } from '@/lib/server/deployments/get-deployment';
import { toTimelineEvent } from '@/lib/server/events/append-event';

/**
 * The go-live report as Markdown. Loads the deployment as the war room shows it (which checks
 * deployment.read) and only the decision and health events from the log — item ticks are already
 * in the item rows — then leaves the writing to the pure renderer.
 */
export async function getDeploymentReport(actor: SignedInActor, deploymentId: string, now = new Date()) {
  const deployment = await getDeployment(actor, deploymentId);
  const rows = await prisma.event.findMany({
    where: { deploymentId, type: { in: [...REPORT_EVENT_TYPES] }, seq: { lte: deployment.seq } },
    orderBy: { seq: 'asc' },
  });
  return { markdown: renderReport(deployment, rows.map(toTimelineEvent), now), fileName: reportFileName(deployment) };
}
