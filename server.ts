/**
 * One Node process: the Next.js request handler and socket.io on the same port.
 * Without DATABASE_URL it starts the embedded PostgreSQL (PGlite) first and seeds the demo.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import next from 'next';

/** Pending connections the kernel may hold for us; see the listen call. */
const LISTEN_BACKLOG = 4096;

function runMigrations(env: NodeJS.ProcessEnv): Promise<void> {
  // Async on purpose: the embedded database answers on this very event loop.
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(process.cwd(), 'scripts/prisma.mjs'), 'migrate', 'deploy'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`Database migrations failed:\n${output}`));
    });
  });
}

async function main() {
  // First of all: a bad setting stops the server here, naming the variable (lib/server/env.ts).
  const { env, resetEnv } = await import('./lib/server/env');
  const config = env();
  const dev = config.NODE_ENV !== 'production';
  const port = config.PORT;
  // The embedded demo (no DATABASE_URL) has accounts with a published password: it listens on
  // loopback only unless HOST says otherwise. A real database means a real install: every address.
  const host = config.HOST ?? (config.DATABASE_URL ? '0.0.0.0' : '127.0.0.1');

  const { dataDir, ensureAuditKey, ensureAuthSecret, allowedOrigins } = await import('./lib/server/config');
  let embedded: { stop: () => Promise<void> } | null = null;
  if (!config.DATABASE_URL) {
    const { startEmbeddedDatabase, publishEmbeddedDatabaseUrl } = await import('./lib/server/embedded-db');
    const db = await startEmbeddedDatabase(path.join(dataDir(), 'pglite'));
    // For `npm run token:create` in another terminal: the address this process serves the database on.
    const withdraw = publishEmbeddedDatabaseUrl(dataDir(), db.url);
    process.env.DATABASE_URL = db.url;
    // PGlite is one session: its socket multiplexer interleaves the extended-protocol messages of
    // concurrent connections, so every query goes through a single connection.
    process.env.DB_POOL_SIZE = '1';
    process.once('exit', withdraw);
    embedded = {
      stop: async () => {
        withdraw();
        await db.stop();
      },
    };
    console.log(`Embedded PostgreSQL (PGlite) in ${path.join(dataDir(), 'pglite')}`);
  }
  process.env.BETTER_AUTH_SECRET = ensureAuthSecret();
  process.env.AUDIT_KEY = ensureAuditKey();
  const publicUrl = config.BETTER_AUTH_URL ?? `http://localhost:${port}`;
  process.env.BETTER_AUTH_URL = publicUrl;
  process.env.PORT = String(port);
  // The settled values, for this process's later env() calls (Next's bundles parse them afresh).
  resetEnv();

  // In a two-role setup the owner migrates and the server's role may not (docs/deploy.md).
  if (config.MIGRATE_ON_START) await runMigrations(process.env);

  // Imported only now, after DATABASE_URL is settled, so no module captures the old value.
  const { getPrisma } = await import('./lib/server/db');
  const { logger } = await import('./lib/server/logger');
  const prisma = getPrisma();
  const { sealLegacyChains } = await import('./lib/server/events/seal-legacy-chains');
  const sealed = await sealLegacyChains();
  // Logged as an outside record: a seal written again on a later start means someone cleared it.
  if (sealed.length > 0) logger.warn('audit.legacy_chains_sealed', { deployments: sealed });
  // After an AUDIT_KEY rotation, the heads of the chains the old key made are sealed with the new
  // one; logged for the same reason (docs/security.md, "Rotating the audit key").
  const { sealRotatedChains } = await import('./lib/server/events/seal-rotated-chains');
  const { currentAuditKeyId } = await import('./lib/server/events/audit-key');
  const rotated = await sealRotatedChains();
  if (rotated.length > 0)
    logger.warn('audit.chains_sealed_for_new_key', { keyId: currentAuditKeyId(), deployments: rotated.length });
  const { recordAuditKeyChange } = await import('./lib/server/users/account-events');
  if (await recordAuditKeyChange()) logger.warn('audit.account_history_rekeyed', { keyId: currentAuditKeyId() });
  if (embedded && (await prisma.user.count()) === 0) {
    const { seedDemo, printDemoAccounts } = await import('./lib/server/seed/seed-demo');
    printDemoAccounts(await seedDemo(), publicUrl);
  }

  // The CPU pool's threads load their modules (and, with WARM_UP, compile the runbook parser) while
  // Next prepares; a file that cannot load stops the server here rather than failing every import.
  const { startCpuPool, stopCpuPool } = await import('./lib/server/cpu-pool/pool');
  const cpuPoolReady = startCpuPool();
  cpuPoolReady.catch(() => undefined); // awaited (and thrown) below, before listening

  // Next listens for WebSocket upgrades on the server it is given (else on the first request's):
  // in development for hot reload; in production only to proxy rewrites to other origins, which
  // we have none of. There, every /socket.io upgrade (a crowd reconnecting: thousands) would also
  // run Next's route resolution, proxy.ts's matcher included, for nothing; it gets a server that
  // never listens instead.
  const app = next({
    dev,
    hostname: host === '0.0.0.0' ? 'localhost' : host,
    port,
    httpServer: dev ? undefined : http.createServer(),
  });
  const handle = app.getRequestHandler();
  await app.prepare();

  const trustProxy = config.TRUST_PROXY;
  const { frontDoor } = await import('./lib/server/http/front-door');
  const listener: http.RequestListener = (req, res) => {
    // Clients must not choose their own address past the rate limiter.
    if (!trustProxy) req.headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
    frontDoor(req, res, () => void handle(req, res));
  };
  const server = http.createServer(listener);

  const { attachSocketServer } = await import('./lib/realtime/server/socket-server');
  const io = await attachSocketServer(server, allowedOrigins(port));
  const { metricsWorker } = await import('./lib/server/metrics/workers');
  const { webhooksWorker } = await import('./lib/server/webhooks/worker');
  const { checksWorker } = await import('./lib/server/checks/worker');
  const { statusMailWorker } = await import('./lib/server/status-mail/worker');
  const { startBackgroundWork } = await import('./lib/server/background');
  const stopBackground = await startBackgroundWork([metricsWorker, webhooksWorker, checksWorker, statusMailWorker], {
    embedded: Boolean(embedded),
  });

  await cpuPoolReady;
  // The hot routes load before the port opens, so the first users and ticks meet them ready
  // rather than sharing the first second with their loading (lib/server/warm-up.ts).
  if (config.WARM_UP && !dev) {
    const { warmUpBeforeListening } = await import('./lib/server/warm-up');
    await warmUpBeforeListening(listener);
  }
  // Node's default backlog (511) overflows when a crowd connects at once (everyone opening the
  // link at T-5, or every browser reconnecting after a restart): the kernel drops the extra SYNs
  // and each of those clients retries after 1, 3, 7… s — the multi-second tail of a storm. The
  // kernel caps this at net.core.somaxconn (4096 on most current Linux).
  await new Promise<void>((resolve) => server.listen(port, host, LISTEN_BACKLOG, resolve));
  logger.info('server.ready', {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    embedded: Boolean(embedded),
    dev,
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('server.stopping', { signal });
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    // Stop accepting; requests already in flight (writes included) finish first.
    const drained = new Promise<void>((resolve) => server.close(() => resolve()));
    // A keep-alive connection whose request was still running when we began (the warm-up's, a
    // browser's) is idle a moment later and would hold the close until its keep-alive ran out
    // (up to 5 s): every stop and restart waited ~3 s for that.
    const closeIdle = setInterval(() => server.closeIdleConnections(), 50);
    server.closeIdleConnections();
    // Clients reconnect (to another process, or to this one once it is back) and resync by seq.
    // Their connections are closed, not their sockets disconnected: a socket.io "disconnect"
    // packet means "the server sent you away" and socket.io-client never reconnects after it
    // (a restart under 1 000 watchers left every one of them offline; bench/restart-reconnect.ts).
    io.engine.close();
    await stopBackground();
    await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, 8_000))]);
    clearInterval(closeIdle);
    io.close();
    await stopCpuPool().catch(() => undefined);
    await prisma.$disconnect().catch(() => undefined);
    if (embedded) await embedded.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  // A configuration error is the operator's to fix: its message says what, a stack trace would not.
  console.error(error instanceof Error && error.name === 'ConfigError' ? error.message : error);
  process.exit(1);
});
