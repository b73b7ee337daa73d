import crypto from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { createTestDatabase, freePort, serverEnv, startAppServer, stopAppServer } from '../../scripts/test-env.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    adminToken: string;
    auditKey: string;
  }
}

/** One fresh database and one real server for the integration run. */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase('it');
  const port = await freePort();
  const adminToken = crypto.randomBytes(24).toString('hex');
  const server = await startAppServer(serverEnv({ databaseUrl: database.url, port, adminToken }));
  project.provide('baseUrl', server.baseUrl);
  project.provide('databaseUrl', database.url);
  project.provide('adminToken', adminToken);
  project.provide('auditKey', process.env.AUDIT_KEY!);
  return async () => {
    await stopAppServer(server.child);
    await database.drop();
  };
}
