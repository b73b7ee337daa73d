import crypto from 'node:crypto';
import { inject } from 'vitest';
import {
  createTestDatabase,
  freePort,
  runDatabaseServer,
  serverEnv,
  startAppServer,
  stopAppServer,
} from '../../scripts/test-env.mjs';
import type { ApiResponse } from './http';

/**
 * A second real server for tests that need special settings (low rate limits, fast webhook
 * retries, HSTS). It shares the run's database unless `freshDatabase` — then it is the only
 * process there, so it also runs the background work (leader election is per database).
 */
export async function startOwnServer(
  extra: Record<string, string>,
  options: {
    freshDatabase?: boolean;
    databaseOf?: { databaseUrl: string; appDatabaseUrl: string; adminToken: string };
  } = {},
) {
  const database = options.freshDatabase ? await createTestDatabase('own', runDatabaseServer()) : null;
  // `databaseOf`: the next server on another own server's database (a restart with new settings).
  const databaseUrl = options.databaseOf?.databaseUrl ?? database?.url ?? inject('databaseUrl');
  // Like the run's server: as the restricted role, migrations already applied by the owner.
  const appDatabaseUrl = options.databaseOf?.appDatabaseUrl ?? database?.appUrl ?? inject('appDatabaseUrl');
  const adminToken =
    options.databaseOf?.adminToken ??
    (options.freshDatabase ? crypto.randomBytes(24).toString('hex') : inject('adminToken'));
  const port = await freePort();
  const server = await startAppServer(serverEnv({ databaseUrl: appDatabaseUrl, port, adminToken, extra }));
  const request = async (
    method: string,
    path: string,
    token?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse> => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  return {
    baseUrl: server.baseUrl,
    databaseUrl,
    appDatabaseUrl,
    adminToken,
    request,
    /** Stops the server and keeps its database (for the next server on it). */
    stopProcess: () => stopAppServer(server.child),
    stop: async () => {
      await stopAppServer(server.child);
      await database?.drop();
    },
  };
}

export type OwnServer = Awaited<ReturnType<typeof startOwnServer>>;
