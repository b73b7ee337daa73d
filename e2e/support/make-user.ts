// Run with tsx by the e2e specs: creates one user of its own for a test and prints it as JSON.
// Args: [name] [admin]
// (Seed functions double as test factories.)
import { getPrisma } from '../../lib/server/db';
import { makeUser } from '../../lib/server/seed/factories';

async function main() {
  const password = 'e2e-password-123';
  const user = await makeUser({
    name: process.argv[2] || 'Imogen Importer',
    password,
    isAdmin: process.argv[3] === 'admin',
  });
  process.stdout.write(JSON.stringify({ id: user.id, email: user.email, name: user.name, password }));
  await getPrisma().$disconnect();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
