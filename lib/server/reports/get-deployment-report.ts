import 'server-only';
import { REPORT_EVENT_TYPES, reportFileName } from '@/lib/domain/report';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { runOffThread } from '@/lib/server/cpu-pool/pool';
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
  const [rows, head, redlines] = await Promise.all([
    prisma.event.findMany({
      where: { deploymentId, type: { in: [...REPORT_EVENT_TYPES] }, seq: { lte: deployment.seq } },
      orderBy: { seq: 'asc' },
    }),
    // The head at the same seq the report was read at, not whatever was appended since.
    prisma.event.findUnique({
      where: { deploymentId_seq: { deploymentId, seq: deployment.seq } },
      select: { seq: true, hash: true },
    }),
    // What became of the run's redlines: reviewed on the template, after (or during) the run.
    prisma.redline.findMany({
      where: { deploymentId },
      select: { id: true, status: true, acceptedVersion: true, rejectReason: true, resolverName: true },
    }),
  ]);
  return {
    // Rendering a long deployment's report is CPU work: on the pool (lib/server/cpu-pool).
    markdown: await runOffThread('renderReport', {
      snapshot: { ...deployment, redlineOutcomes: Object.fromEntries(redlines.map(({ id, ...o }) => [id, o])) },
      events: rows.map(toTimelineEvent),
      now,
      head,
    }),
    fileName: reportFileName(deployment),
  };
}
