// `npm run db:seed`: seeds the demo war room into the database at DATABASE_URL.
import { printDemoAccounts, seedDemo } from '../lib/server/seed/seed-demo';
import { getPrisma } from '../lib/server/db';

async function main() {
  if (!process.env.DATABASE_URL) {
    console.error('Set DATABASE_URL (npm start seeds the embedded database by itself).');
    process.exit(2);
  }
  const result = await seedDemo();
  printDemoAccounts(result, process.env.BETTER_AUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`);
  await getPrisma().$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
