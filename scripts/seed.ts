// `npm run db:seed`: seeds the demo war room into the database at DATABASE_URL.
import { getPrisma } from '../lib/server/db';
import { env } from '../lib/server/env';
import { printDemoAccounts, seedDemo } from '../lib/server/seed/seed-demo';

async function main() {
  const config = env();
  if (!config.DATABASE_URL) {
    console.error('Set DATABASE_URL (npm start seeds the embedded database by itself).');
    process.exit(2);
  }
  const result = await seedDemo();
  printDemoAccounts(result, config.BETTER_AUTH_URL ?? `http://localhost:${config.PORT}`);
  await getPrisma().$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
