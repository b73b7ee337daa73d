import crypto from 'node:crypto';
import type { TestProject } from 'vitest/node';
import { createTestDatabase, freePort, serverEnv, startAppServer, stopAppServer } from '../../scripts/test-env.mjs';
import { startSmtpSink } from '../support/smtp-sink';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
    appDatabaseUrl: string;
    adminToken: string;
    auditKey: string;
  }
}

/** One fresh database and one real server for the integration run. */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase('it');
  const port = await freePort();
  const adminToken = crypto.randomBytes(24).toString('hex');
  // A relay that takes every mail, so status mail is on like in production (the authorization
  // matrix sends test mails); tests that read mails start a sink of their own.
  const smtp = await startSmtpSink();
  // The server runs as the restricted role (two-role setup, docs/deploy.md); migrations ran as the owner.
  const server = await startAppServer(
    serverEnv({
      databaseUrl: database.appUrl,
      port,
      adminToken,
      extra: { SMTP_URL: smtp.url },
    }),
  );
  project.provide('baseUrl', server.baseUrl);
  project.provide('databaseUrl', database.url);
  project.provide('appDatabaseUrl', database.appUrl);
  project.provide('adminToken', adminToken);
  project.provide('auditKey', process.env.AUDIT_KEY!);
  return async () => {
    await stopAppServer(server.child);
    await smtp.stop();
    await database.drop();
  };
}
