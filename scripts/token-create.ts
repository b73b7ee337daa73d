// `npm run token:create -- --email <email> [--name <name>] [--scopes read,write] [--deployment <id>]`
// Prints the new token on its last line.
import { parseArgs } from 'node:util';
import { getPrisma } from '../lib/server/db';
import { createApiToken } from '../lib/server/users/create-token';
import { createTokenSchema } from '../lib/schemas/user';

async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, scopes: { type: 'string' }, deployment: { type: 'string' } },
  });
  if (!values.email) throw new Error('Usage: npm run token:create -- --email <email> [--scopes read,write,metrics:push] [--deployment <id>]');
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to the database the server uses.');
  const prisma = getPrisma();
  const user = await prisma.user.findUnique({ where: { email: values.email.toLowerCase() } });
  if (!user) throw new Error(`No account uses ${values.email}.`);
  const input = createTokenSchema.parse({ name: values.name ?? 'cli', scopes: values.scopes ? values.scopes.split(',') : undefined, deploymentId: values.deployment });
  const { token } = await createApiToken(user.id, input);
  console.log(`Token for ${user.email} (${input.scopes.join(', ')}):`);
  console.log(token);
  await prisma.$disconnect();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
