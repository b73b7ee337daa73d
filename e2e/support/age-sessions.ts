// Run with tsx by e2e/signoff-step-up.spec.ts: makes a person's sessions look signed in an hour
// ago, so the step-up window (SIGNOFF_REAUTH_MIN) has passed without waiting. Args: <userId>
import { getPrisma } from '../../lib/server/db';

async function main() {
  const prisma = getPrisma();
  await prisma.session.updateMany({
    where: { userId: process.argv[2] },
    data: { createdAt: new Date(Date.now() - 3_600_000), authenticatedAt: null },
  });
  await prisma.$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
