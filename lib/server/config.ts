import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Where the embedded database and generated secrets live (override with WARROOM_DATA_DIR). */
export function dataDir(): string {
  return path.resolve(process.env.WARROOM_DATA_DIR ?? '.data');
}

/** A stable auth secret for a demo install: generated once into the data folder. */
export function ensureAuthSecret(): string {
  if (process.env.BETTER_AUTH_SECRET) return process.env.BETTER_AUTH_SECRET;
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
  if (process.env.AUDIT_KEY) return process.env.AUDIT_KEY;
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
  if (process.env.BETTER_AUTH_URL) list.push(new URL(process.env.BETTER_AUTH_URL).origin);
  for (const origin of (process.env.TRUSTED_ORIGINS ?? '').split(',')) if (origin.trim()) list.push(origin.trim());
  return list;
}
