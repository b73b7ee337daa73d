import type { ChildProcess } from 'node:child_process';

export function freePort(): Promise<number>;
/** `url`: as the owner; `appUrl`: as the restricted role the servers run as (the same on PGlite). */
export function createTestDatabase(
  label?: string,
  base?: string | null,
): Promise<{ url: string; appUrl: string; drop: () => Promise<void> }>;
/** The run's PostgreSQL server (DATABASE_URL when the run began), or null for the embedded database. */
export function runDatabaseServer(): string | null;
export function waitForHealth(baseUrl: string, child?: ChildProcess, timeoutMs?: number): Promise<void>;
export function serverEnv(options: {
  databaseUrl: string;
  port: number;
  adminToken: string;
  extra?: Record<string, string>;
}): NodeJS.ProcessEnv;
export function startAppServer(
  env: NodeJS.ProcessEnv,
  options?: { nodeArgs?: string[] },
): Promise<{ child: ChildProcess; baseUrl: string }>;
export function stopAppServer(child: ChildProcess, signal?: NodeJS.Signals): Promise<void>;
