import { afterAll, beforeAll } from 'vitest';
import type { DeliveryDto } from '@/lib/contracts/webhooks';
import { startOwnServer, type OwnServer } from './own-server';
import { webhookReceiver } from './webhook-receiver';

/** The first retry's delay on the webhook test servers; each next one doubles. */
export const BACKOFF_MS = 400;

/**
 * A server of its own on a fresh database, for the webhook test files: it is the only process
 * there, so its worker (fast retries, loopback receivers allowed) is the one that delivers.
 * DATABASE_URL names that database, for the factories, until `stop`.
 */
export async function startWebhookServer() {
  const own = await startOwnServer(
    {
      WEBHOOK_BACKOFF_MS: String(BACKOFF_MS),
      WEBHOOK_POLL_MS: '100',
      WEBHOOK_TIMEOUT_MS: '1000',
      WEBHOOK_MAX_ATTEMPTS: '4',
      WEBHOOK_ALLOW_PRIVATE: 'true',
    },
    { freshDatabase: true },
  );
  const previousDatabaseUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = own.databaseUrl;
  return {
    own,
    /** The run's database, which the run's main server uses. */
    previousDatabaseUrl,
    stop: async () => {
      await own.stop();
      process.env.DATABASE_URL = previousDatabaseUrl;
    },
  };
}

export type WebhookServer = Awaited<ReturnType<typeof startWebhookServer>>;

export interface WebhookFixture {
  /** The receiver the tests' webhooks point at, answering each path as scripted. */
  hook: ReturnType<typeof webhookReceiver>;
  /** The receiver's address (no trailing slash). */
  hookUrl: string;
  own: OwnServer;
  /** The run's database, which the run's main server uses (DATABASE_URL names `own`'s meanwhile). */
  previousDatabaseUrl: string | undefined;
  /** A webhook's deliveries as the given token's holder reads them on `own`. */
  deliveries: (token: string, deploymentId: string, webhookId: string) => Promise<DeliveryDto[]>;
}

/**
 * A webhook test file's setup: a receiver answering each path as `scripts` says, and the file's own
 * server (startWebhookServer), both started before its tests and stopped after them. The fields
 * are filled in once the file's `beforeAll` has run.
 */
export function webhookServerForFile(scripts: Parameters<typeof webhookReceiver>[0]): WebhookFixture {
  const hook = webhookReceiver(scripts);
  let server: WebhookServer | undefined;
  const fixture: WebhookFixture = {
    hook,
    hookUrl: '',
    own: undefined as unknown as OwnServer,
    previousDatabaseUrl: undefined,
    deliveries: (token, deploymentId, webhookId) => listDeliveries(fixture.own, token, deploymentId, webhookId),
  };
  beforeAll(async () => {
    fixture.hookUrl = await hook.start();
    server = await startWebhookServer();
    fixture.own = server.own;
    fixture.previousDatabaseUrl = server.previousDatabaseUrl;
  });
  afterAll(async () => {
    await server?.stop();
    await hook.stop();
  });
  return fixture;
}

/** A webhook's deliveries as its deployment's IC reads them. */
export async function listDeliveries(own: OwnServer, token: string, deploymentId: string, webhookId: string) {
  return (await own.request('GET', `/api/deployments/${deploymentId}/webhooks/${webhookId}/deliveries`, token)).body
    .deliveries as DeliveryDto[];
}

/** Reads every 100 ms until `ok` holds or the deadline passes; returns the last read, for the test to judge. */
export async function readUntil<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}
