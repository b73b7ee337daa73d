import crypto from 'node:crypto';
import { createTestDatabase, freePort, serverEnv, startAppServer } from '../../scripts/test-env.mjs';
import { startSmtpSink } from '../../tests/support/smtp-sink';
import { readState, writeState } from './server-state';

/** A fresh database and the real custom server (production build) for the whole e2e run. */
export default async function globalSetup() {
  const database = await createTestDatabase('e2e');
  const port = await freePort();
  // A mail relay on 127.0.0.1 that takes every mail: status mail is on, as in production.
  const smtp = await startSmtpSink();
  // Webhook specs point at a receiver on 127.0.0.1, which production refuses by default.
  // The server runs as the restricted role (docs/deploy.md, two database roles); test-side scripts use the owner's URL.
  const env = serverEnv({
    databaseUrl: database.appUrl,
    port,
    adminToken: crypto.randomBytes(24).toString('hex'),
    extra: {
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_BACKOFF_MS: '100',
      WEBHOOK_MAX_ATTEMPTS: '2',
      SMTP_URL: smtp.url,
    },
  });
  const server = await startAppServer(env);
  writeState({ pid: server.child.pid!, baseUrl: server.baseUrl, env, databaseUrl: database.url });
  process.env.E2E_BASE_URL = server.baseUrl;
  process.env.DATABASE_URL = database.url;
  process.env.WARROOM_ADMIN_TOKEN = env.WARROOM_ADMIN_TOKEN;
  return async () => {
    // A test may have restarted the server: stop whichever process runs now.
    const { pid } = readState();
    try {
      process.kill(pid, 'SIGTERM');
      for (let i = 0; i < 100; i++) {
        process.kill(pid, 0);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } catch {
      // gone
    }
    await smtp.stop();
    await database.drop();
  };
}
