import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import { freePort, serverEnv, startAppServer, stopAppServer } from '../../scripts/test-env.mjs';

export type App = {
  baseUrl: string;
  child: ChildProcess;
  env: NodeJS.ProcessEnv;
  restart: () => Promise<void>;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
};

/** The real production server on its own port, restartable on the same port with the same env. */
export async function startApp(databaseUrl: string, extra: Record<string, string> = {}): Promise<App> {
  const port = await freePort();
  const env = serverEnv({
    databaseUrl,
    port,
    adminToken: crypto.randomBytes(16).toString('hex'),
    extra: { LEADER_RETRY_MS: '300', ...extra },
  });
  const first = await startAppServer(env);
  const app: App = {
    baseUrl: first.baseUrl,
    child: first.child,
    env,
    restart: async () => {
      const next = await startAppServer(env);
      app.child = next.child;
    },
    kill: (signal = 'SIGKILL') => stopAppServer(app.child, signal),
  };
  return app;
}

export type WriteOutcome = { acknowledged: Set<string>; statuses: number[]; codes: string[] };

/** Ticks items one by one, retrying each with its own Idempotency-Key until the server answers. */
export async function tickAll(
  baseUrl: () => string,
  token: string,
  deploymentId: string,
  itemIds: string[],
  outcome: WriteOutcome,
  onAck?: (n: number) => Promise<void> | void,
) {
  for (const id of itemIds) {
    const key = crypto.randomUUID();
    for (;;) {
      try {
        const response = await fetch(`${baseUrl()}/api/deployments/${deploymentId}/items/${id}`, {
          method: 'PATCH',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
          body: JSON.stringify({ status: 'done', version: 1 }),
        });
        outcome.statuses.push(response.status);
        const body = (await response.json().catch(() => ({}))) as { error?: { code: string } };
        if (body.error) outcome.codes.push(body.error.code);
        if (response.status === 200) {
          outcome.acknowledged.add(id);
          await onAck?.(outcome.acknowledged.size);
          break;
        }
      } catch {
        outcome.statuses.push(0);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
