import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { env } from '@/lib/server/env';

/** Where the embedded database and generated secrets live (override with WARROOM_DATA_DIR). */
export function dataDir(): string {
  return path.resolve(env().WARROOM_DATA_DIR);
}

/** A stable auth secret for a demo install: generated once into the data folder. */
export function ensureAuthSecret(): string {
  const configured = env().BETTER_AUTH_SECRET;
  if (configured) return configured;
  const file = path.join(dataDir(), 'auth-secret');
  fs.mkdirSync(dataDir(), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

/**
 * The audit chain's key (see lib/server/events/audit-key.ts): AUDIT_KEY, else generated once into
 * the data folder. Keep a copy of it away from the database: `npm run audit:verify` needs it.
 */
export function ensureAuditKey(): string {
  const configured = env().AUDIT_KEY;
  if (configured) return configured;
  const file = path.join(dataDir(), 'audit-key');
  fs.mkdirSync(dataDir(), { recursive: true });
  try {
    // 'wx': never overwrite a key another process has just written; the chain would not verify.
    fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fs.readFileSync(file, 'utf8').trim();
}

export function allowedOrigins(port: number): string[] {
  const list = [`http://localhost:${port}`, `http://127.0.0.1:${port}`];
  const { BETTER_AUTH_URL, TRUSTED_ORIGINS } = env();
  if (BETTER_AUTH_URL) list.push(new URL(BETTER_AUTH_URL).origin);
  list.push(...TRUSTED_ORIGINS);
  return list;
}
