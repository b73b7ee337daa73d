// Shared by the integration (vitest) and e2e (Playwright) setups: a fresh database per run and the
// real custom server (production build) on a free port.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { grantAppRole, urlAs } from './app-role.mjs';
import { runPrisma } from './prisma.mjs';
import { serverArgs } from './server-command.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

// The audit chain's key for test runs: the servers, the test processes that write events through
// the factories and `npm run audit:verify` must all hold the same one. Set here, on import, so the
// test workers and every child process inherit it.
process.env.AUDIT_KEY ||= 'test-audit-key-not-secret-0123456789abcdef';
// The run's own database, as DATABASE_URL named it when the run began ('' when it began without
// one: the embedded database): test processes that point DATABASE_URL at a test database still
// copy the run's one template (migratedTemplate), and make new databases where the run does
// (runDatabaseServer).
process.env.TEST_RUN_DATABASE_URL ??= process.env.DATABASE_URL ?? '';

/**
 * Where a test that needs a database of its own makes it: the run's PostgreSQL server, or null for
 * an embedded one. Not DATABASE_URL, which by then names the run's test database — an embedded one
 * among them, which a "CREATE DATABASE" would not separate from the rest.
 */
export function runDatabaseServer() {
  return process.env.TEST_RUN_DATABASE_URL || null;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * A fresh, migrated database: a new database on the PostgreSQL server at `base` (DATABASE_URL
 * unless given; null for none) when there is one (CI and developers with PostgreSQL), copied from
 * the run's migrated template, else an embedded PGlite in a temporary folder served on a port.
 * `url` is the owner's (migrations, test factories, tampering tests); on PostgreSQL `appUrl` is a
 * role of this database's own with only the server's grants (scripts/sql/app-role.sql), which the
 * test servers run as. PGlite has one user, so there both are the same.
 */
export async function createTestDatabase(label = 'test', base = process.env.DATABASE_URL) {
  let url;
  let drop;
  let appRole = null;
  if (base) {
    const name = `warroom_${label}_${crypto.randomBytes(4).toString('hex')}`;
    const template = await migratedTemplate(base);
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    await admin.end();
    url = databaseUrl(base, name);
    // Roles belong to the whole server: one per test database, dropped with it.
    appRole = { role: `${name}_app`, password: crypto.randomBytes(16).toString('hex') };
    drop = async () => {
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      await client.query(`DROP ROLE IF EXISTS "${appRole.role}"`).catch(() => undefined);
      await client.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `warroom-${label}-`));
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const db = await PGlite.create(path.join(dir, 'pglite'));
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 32 });
    await server.start();
    url = `postgresql://postgres:postgres@${server.getServerConn()}/postgres?sslmode=disable`;
    // One session: concurrent connections would interleave protocol messages (see server.ts).
    process.env.DB_POOL_SIZE = '1';
    drop = async () => {
      await server.stop();
      // PGlite's close sets process.exitCode to 0 (its runtime exiting): a test runner that had
      // already set 1 for failed tests would then exit as if they had passed.
      const exitCode = process.exitCode;
      await db.close();
      process.exitCode = exitCode;
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  if (!appRole) {
    await migrate(url);
    return { url, appUrl: url, drop };
  }
  await grantAppRole(url, appRole);
  return { url, appUrl: urlAs(url, appRole.role, appRole.password), drop };
}

function migrate(url) {
  return runPrisma(
    ['migrate', 'deploy'],
    { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
    { quiet: true },
  );
}

function databaseUrl(base, name) {
  const parsed = new URL(base);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * The migrated database that a run's test databases are copied from. `prisma migrate deploy`
 * takes ~12 s here (about a second a migration, nearly all of it waiting), a copy a fraction of
 * one, and a full run makes ~16 test databases. One per run and set of migrations: named after
 * the run's database (DATABASE_URL) and a hash of the migrations, so every run still applies its
 * own migrations once and a changed migration gets a new template. Built under a temporary name
 * and renamed only once migrated, so a half-built one is never copied; .ci/run drops it with the
 * run's database (a developer's stays beside theirs, for their next run).
 */
async function migratedTemplate(base) {
  const migrations = path.join(root, 'prisma', 'migrations');
  const hash = crypto.createHash('sha256');
  for (const entry of fs.readdirSync(migrations).sort()) {
    const file = path.join(migrations, entry, 'migration.sql');
    if (fs.existsSync(file)) hash.update(entry).update(fs.readFileSync(file));
  }
  const run =
    new URL(process.env.TEST_RUN_DATABASE_URL || base).pathname
      .slice(1)
      .replace(/[^A-Za-z0-9_]/g, '_')
      .slice(0, 40) || 'postgres';
  const name = `${run}_tpl_${hash.digest('hex').slice(0, 10)}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const exists = async (db) => (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [db])).rowCount > 0;
  try {
    if (await exists(name)) return name;
    const building = `${name}_${crypto.randomBytes(3).toString('hex')}`;
    await admin.query(`CREATE DATABASE "${building}"`);
    try {
      await migrate(databaseUrl(base, building));
      // The CLI has exited; its server sessions end a moment later, and a database in use can be
      // neither renamed nor copied.
      // A session that never ends (something else connected to it) fails the run, naming it.
      const deadline = Date.now() + 30_000;
      while ((await admin.query('SELECT 1 FROM pg_stat_activity WHERE datname = $1', [building])).rowCount > 0) {
        if (Date.now() > deadline) throw new Error(`Sessions still used ${building} 30 s after its migrations ran.`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${name}"`);
    } catch (error) {
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`);
      // Another process built the same template at the same time and renamed its copy first.
      if (await exists(name)) return name;
      throw error;
    }
    return name;
  } finally {
    await admin.end();
  }
}

export async function waitForHealth(baseUrl, child, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child && child.exitCode !== null)
      throw new Error(`The server exited with ${child.exitCode} before it was ready.`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server at ${baseUrl} did not become healthy in ${timeoutMs} ms.`);
}

export function serverEnv({ databaseUrl, port, adminToken, extra = {} }) {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    BETTER_AUTH_URL: `http://127.0.0.1:${port}`,
    BETTER_AUTH_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    AUDIT_KEY: process.env.AUDIT_KEY,
    WARROOM_ADMIN_TOKEN: adminToken,
    AUTH_RATE_LIMIT: 'off',
    // Test databases are copies of a migrated template (createTestDatabase): a server that ran
    // `prisma migrate deploy` again spent ~10 s of its start finding nothing to do.
    MIGRATE_ON_START: 'false',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...extra,
  };
}

/** Starts the real custom server (production build) and waits until it is healthy. */
export async function startAppServer(env, { nodeArgs = [] } = {}) {
  if (!fs.existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    throw new Error('No production build: run `npm run build` first (npm test does).');
  }
  const child = spawn(process.execPath, [...nodeArgs, ...serverArgs(env)], {
    cwd: root,
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  await waitForHealth(baseUrl, child);
  return { child, baseUrl };
}

export function stopAppServer(child, signal = 'SIGTERM') {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}
