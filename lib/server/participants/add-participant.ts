import 'server-only';
import type { ParticipantDto } from '@/lib/contracts/people';
import type { AddParticipantInput } from '@/lib/schemas/participant';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { actingRole, authorize } from '@/lib/server/deployments/load-access';
import { AppError } from '@/lib/server/errors';
import { commit } from '@/lib/server/events/commit';

export type { ParticipantDto };

/** Assigns a person to a role; one person may hold several roles. */
export async function addParticipant(
  actor: SignedInActor,
  deploymentId: string,
  input: AddParticipantInput,
): Promise<{ participant: ParticipantDto; seq: number }> {
  const access = await authorize(actor, 'participant.manage', deploymentId);
  const [user, role] = await Promise.all([
    prisma.user.findUnique({ where: { email: input.email.toLowerCase() } }),
    prisma.role.findUnique({ where: { deploymentId_key: { deploymentId, key: input.roleKey } } }),
  ]);
  if (!user) throw new AppError('not_found', `No account uses ${input.email}. Create the account first.`);
  if (!role) throw new AppError('not_found', `This deployment has no role “${input.roleKey}”.`);
  const existing = await prisma.participant.findUnique({
    where: { roleId_userId: { roleId: role.id, userId: user.id } },
  });
  if (existing) throw new AppError('already_exists', `${user.name} already holds ${role.name}.`);

  const { result } = await commit(async (tx, append) => {
    const participant = await tx.participant.create({ data: { deploymentId, roleId: role.id, userId: user.id } });
    const event = await append({
      deploymentId,
      type: 'participant.added',
      actorId: actor.userId,
      actorName: actor.name,
      roleKey: actingRole(access.heldRoles),
      data: {
        participantId: participant.id,
        userId: user.id,
        userName: user.name,
        roleKey: role.key,
        roleName: role.name,
      },
    });
    return {
      participant: {
        id: participant.id,
        userId: user.id,
        name: user.name,
        email: user.email,
        roleKey: role.key,
        roleName: role.name,
      },
      seq: event.seq,
    };
  });
  return result;
}
