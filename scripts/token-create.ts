// `npm run token:create -- --email <email> [--name <name>] [--scopes read,write,gates:sign] [--deployment <id>]`
// Without --scopes the token gets read, write and gates:sign (DEFAULT_TOKEN_SCOPES), as tokens always could sign.
// Prints the new token on its last line.
// Uses DATABASE_URL, else the embedded database of the server `npm start` is running (the address
// it writes into the data folder).
import { parseArgs } from 'node:util';
import { TOKEN_SCOPES } from '../lib/domain/rbac';
import { createTokenSchema } from '../lib/schemas/user';
import { dataDir } from '../lib/server/config';
import { getPrisma } from '../lib/server/db';
import { resolveDatabaseUrl } from '../lib/server/embedded-db';
import { env } from '../lib/server/env';
import { createApiToken } from '../lib/server/users/create-token';

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      scopes: { type: 'string' },
      deployment: { type: 'string' },
    },
  });
  if (!values.email)
    throw new Error(
      'Usage: npm run token:create -- --email <email> [--scopes read,write,metrics:push,gates:sign] [--deployment <id>]',
    );
  const database = resolveDatabaseUrl(env().DATABASE_URL, dataDir());
  if (!database)
    throw new Error(
      `No War Room server is running on the embedded database in ${dataDir()}, and DATABASE_URL is not set. Start the server (npm start) and run this again, set DATABASE_URL to the database the server uses, or create the token in the app: API tokens (/settings/tokens).`,
    );
  if (database.embedded) {
    process.env.DATABASE_URL = database.url;
    // The embedded database takes one connection at a time (as in server.ts).
    process.env.DB_POOL_SIZE = '1';
  }
  const prisma = getPrisma();
  const email = values.email.toLowerCase();
  const user = await prisma.user.findUnique({ where: { email } }).catch((error: unknown) => {
    if (!database.embedded) throw error;
    throw new Error(
      `The server that ran the embedded database in ${dataDir()} is not running any more. Start it (npm start) and run this again, or create the token in the app: API tokens (/settings/tokens).`,
      { cause: error },
    );
  });
  if (!user) throw new Error(`No account uses ${values.email}.`);
  const parsed = createTokenSchema.safeParse({
    name: values.name ?? 'cli',
    scopes: values.scopes
      ? values.scopes
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined,
    deploymentId: values.deployment,
  });
  if (!parsed.success)
    throw new Error(
      `Invalid token options (scopes are ${TOKEN_SCOPES.join(', ')}): ${parsed.error.issues.map((i) => i.message).join('; ')}`,
    );
  const input = parsed.data;
  const { token } = await createApiToken(user.id, input, 'cli');
  console.log(`Token for ${user.email} (${input.scopes.join(', ')}):`);
  console.log(token);
  await prisma.$disconnect();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
