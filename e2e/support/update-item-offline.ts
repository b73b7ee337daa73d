// Changes an item through the real command while the server is down (as another process would),
// so the restarted page must find the change in the event log. Args: deploymentId itemId userId status
import { updateItem } from '../../lib/server/checklist/update-item';
import { getPrisma } from '../../lib/server/db';

async function main() {
  const [deploymentId, itemId, userId, status] = process.argv.slice(2);
  const prisma = getPrisma();
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  const item = await prisma.checklistItem.findUniqueOrThrow({ where: { id: itemId } });
  await updateItem({ userId, isAdmin: false, name: user.name, email: user.email, token: null }, deploymentId, itemId, {
    status: status as 'done',
    version: item.version,
  });
  await prisma.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
