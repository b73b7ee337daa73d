import 'server-only';
import { disconnectUserFromDeployment } from '@/lib/realtime/server/disconnect';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { actingRole, authorize } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { commit } from '@/lib/server/events/commit';
import { lockDeployment } from '@/lib/server/lifecycle/lifecycle-facts';

export async function removeParticipant(
  actor: SignedInActor,
  deploymentId: string,
  participantId: string,
): Promise<{ seq: number }> {
  const access = await authorize(actor, 'participant.manage', deploymentId);
  const participant = await prisma.participant.findFirst({
    where: { id: participantId, deploymentId },
    include: { role: true, user: { select: { name: true } } },
  });
  if (!participant) throw new AppError('not_found', 'No such participant in this deployment.');
  const { result } = await commit(async (tx, append) => {
    // The last-IC rule is decided under the deployment's row lock: counted before it, two
    // removals of the two ICs at once would each see the other and leave the room with none.
    await lockDeployment(tx, deploymentId);
    const removed = await tx.participant.deleteMany({ where: { id: participantId, deploymentId } });
    if (removed.count === 0) throw new AppError('not_found', 'No such participant in this deployment.');
    if (participant.role.isIc && (await tx.participant.count({ where: { roleId: participant.roleId } })) === 0) {
      throw new AppError('conflict', 'A war room needs an incident commander: assign another IC first.');
    }
    const event = await append({
      deploymentId,
      type: 'participant.removed',
      actorId: actor.userId,
      actorName: actor.name,
      roleKey: actingRole(access.heldRoles),
      data: {
        participantId,
        userId: participant.userId,
        userName: participant.user.name,
        roleKey: participant.role.key,
        roleName: participant.role.name,
      },
    });
    return { seq: event.seq };
  });
  await disconnectUserFromDeployment(deploymentId, participant.userId);
  return result;
}
