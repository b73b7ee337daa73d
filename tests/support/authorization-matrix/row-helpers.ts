import { hashToken } from '@/lib/server/auth/tokens';
import { prisma } from '@/lib/server/db';
import type { Room } from './actors';

/** What the rows of more than one area (cases-*.ts) use to prepare their requests. */

export const IC_ONLY = ['ic', 'admin'] as const;
export const itemOf = (crew: Room, roleKey: string) =>
  prisma.checklistItem.findFirstOrThrow({ where: { deploymentId: crew.id, role: { key: roleKey } } });
export const pendingInvitation = async (into: { deploymentId: string; roleId: string } | null = null) => {
  const token = `wri_${Math.random().toString(36).slice(2)}${Date.now()}`;
  const row = await prisma.invitation.create({
    data: {
      email: `inv-${token}@example.test`,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + 86_400_000),
      ...into,
    },
  });
  return { id: row.id, token };
};
