// `npm run token:create -- --email <email> [--name <name>] [--scopes read,write,gates:sign] [--deployment <id>]`
// Without --scopes the token gets read, write and gates:sign (DEFAULT_TOKEN_SCOPES), as tokens always could sign.
// Prints the new token on its last line.
import { parseArgs } from 'node:util';
import { getPrisma } from '../lib/server/db';
import { createApiToken } from '../lib/server/users/create-token';
import { createTokenSchema } from '../lib/schemas/user';
import { TOKEN_SCOPES } from '../lib/domain/rbac';

async function main() {
  const { values } = parseArgs({
    options: { email: { type: 'string' }, name: { type: 'string' }, scopes: { type: 'string' }, deployment: { type: 'string' } },
  });
  if (!values.email) throw new Error('Usage: npm run token:create -- --email <email> [--scopes read,write,metrics:push,gates:sign] [--deployment <id>]');
  if (!process.env.DATABASE_URL) throw new Error('Set DATABASE_URL to the database the server uses.');
  const prisma = getPrisma();
  const user = await prisma.user.findUnique({ where: { email: values.email.toLowerCase() } });
  if (!user) throw new Error(`No account uses ${values.email}.`);
  const parsed = createTokenSchema.safeParse({ name: values.name ?? 'cli', scopes: values.scopes ? values.scopes.split(',').map((s) => s.trim()).filter(Boolean) : undefined, deploymentId: values.deployment });
  if (!parsed.success) throw new Error(`Invalid token options (scopes are ${TOKEN_SCOPES.join(', ')}): ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const input = parsed.data;
  const { token } = await createApiToken(user.id, input);
  console.log(`Token for ${user.email} (${input.scopes.join(', ')}):`);
  console.log(token);
  await prisma.$disconnect();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
