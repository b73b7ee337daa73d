import 'server-only';
import type { EvidenceDto } from '@/lib/contracts/items';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { authorize } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { toEvidenceDto } from './evidence-dto';

/** One piece of evidence with its whole text: the link behind a 2 KB excerpt. Whoever may read the war room may read it. */
export async function getEvidence(
  actor: SignedInActor,
  deploymentId: string,
  itemId: string,
  evidenceId: string,
): Promise<{ evidence: EvidenceDto }> {
  await authorize(actor, 'deployment.read', deploymentId);
  const row = await prisma.evidence.findFirst({ where: { id: evidenceId, itemId, deploymentId } });
  if (!row) throw new AppError('not_found', 'No such evidence on this checklist item.');
  return { evidence: toEvidenceDto(deploymentId, row, true) };
}
