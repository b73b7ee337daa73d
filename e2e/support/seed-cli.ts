// For a spec whose server has a database of its own (sso.spec.ts): runs one of the e2e seeds in a
// separate process against DATABASE_URL and prints its answer as JSON. Every other spec seeds
// in-process (fixtures.ts), against the run's database. Args: <seed> [args…]
import { getPrisma } from '../../lib/server/db';
import { ageSessions } from './age-sessions';
import { seedCrew } from './seed-crew';

const seeds: Record<string, (...args: string[]) => Promise<unknown>> = {
  crew: seedCrew,
  'age-sessions': ageSessions,
};

async function main() {
  const [name, ...args] = process.argv.slice(2);
  const seed = seeds[name];
  if (!seed) throw new Error(`Unknown seed "${name}": one of ${Object.keys(seeds).join(', ')}`);
  process.stdout.write(JSON.stringify((await seed(...args)) ?? null));
  await getPrisma().$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
