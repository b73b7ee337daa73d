// `DATABASE_URL=<owner> APP_DB_PASSWORD=… node scripts/app-role.mjs [role]`: creates (or updates)
// the login role the server runs as in the two-role setup and applies scripts/sql/app-role.sql to
// it (docs/deploy.md). Run it as the database owner after `npm run db:migrate`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const grantsFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'sql', 'app-role.sql');

/** The SQL file with psql's variables filled in, quoted as psql would quote them. */
function grantsFor(client, role, database) {
  return fs
    .readFileSync(grantsFile, 'utf8')
    .replaceAll(':"app_role"', client.escapeIdentifier(role))
    .replaceAll(':"DBNAME"', client.escapeIdentifier(database));
}

/** Creates or updates `role` (LOGIN, the given password) and grants it what the server needs. */
export async function grantAppRole(ownerUrl, { role, password }) {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount > 0;
    await client.query(
      `${exists ? 'ALTER' : 'CREATE'} ROLE ${client.escapeIdentifier(role)} LOGIN PASSWORD ${client.escapeLiteral(password)}`,
    );
    const { rows } = await client.query('SELECT current_database() AS name');
    await client.query(grantsFor(client, role, rows[0].name));
  } finally {
    await client.end();
  }
}

/** The same database reached as `role`. */
export function urlAs(databaseUrl, role, password) {
  const url = new URL(databaseUrl);
  url.username = role;
  url.password = password;
  return url.toString();
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const role = process.argv[2] ?? 'warroom_app';
  const { DATABASE_URL, APP_DB_PASSWORD } = process.env;
  if (!DATABASE_URL || !APP_DB_PASSWORD) {
    console.error("Set DATABASE_URL (as the database owner) and APP_DB_PASSWORD (the new role's password).");
    process.exit(2);
  }
  await grantAppRole(DATABASE_URL, { role, password: APP_DB_PASSWORD });
  console.log(
    `Role ${role} can now run the server: DATABASE_URL=${urlAs(DATABASE_URL, role, '…')} MIGRATE_ON_START=false npm start`,
  );
}
