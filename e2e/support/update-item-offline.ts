// Changes an item through the real command while the server is down (as another process would),
// so the restarted page must find the change in the event log.
import { updateItem } from '../../lib/server/checklist/update-item';
import { getPrisma } from '../../lib/server/db';

export async function updateItemOffline(deploymentId: string, itemId: string, userId: string, status: 'done') {
  const prisma = getPrisma();
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  const item = await prisma.checklistItem.findUniqueOrThrow({ where: { id: itemId } });
  await updateItem({ userId, isAdmin: false, name: user.name, email: user.email, token: null }, deploymentId, itemId, {
    status,
    version: item.version,
  });
}
