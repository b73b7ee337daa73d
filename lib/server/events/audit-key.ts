import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir, ensureAuditKey } from '@/lib/server/config';
import { env } from '@/lib/server/env';

/**
 * The audit chain's key. It lives outside the database (AUDIT_KEY, or generated once into the
 * data folder like the auth secret), so whoever owns the database can rewrite rows but cannot
 * recompute a chain that `npm run audit:verify` accepts.
 */
let cached: { text: string; key: Buffer; id: string } | null = null;

function current() {
  const text = env().AUDIT_KEY || ensureAuditKey();
  if (cached?.text !== text) {
    const key = Buffer.from(text, 'utf8');
    cached = { text, key, id: auditKeyId(key) };
  }
  return cached;
}

export function auditKey(): Buffer {
  return current().key;
}

/** The current key's id (see auditKeyId), stored on every event it hashes. */
export function currentAuditKeyId(): string {
  return current().id;
}

/**
 * Names a key without giving it away: an HMAC of a constant, keyed with it. Each event stores the
 * id of the key that hashed it, so after a rotation the verifier knows which key to use.
 */
export function auditKeyId(key: Buffer): string {
  return hmacHex(key, 'war-room:audit-key-id').slice(0, 16);
}

/**
 * The keys the server used before (AUDIT_KEY_PREVIOUS, comma-separated): what they hashed and
 * sealed stays verifiable after a rotation, and status mails sealed with them stay readable.
 */
export function previousAuditKeys(): Buffer[] {
  return env().AUDIT_KEY_PREVIOUS.map((text) => Buffer.from(text, 'utf8'));
}

/**
 * The keys given to a verifier by their ids (what each event or line stores). The first of equal
 * keys wins, so the current key (given first) stays itself even if AUDIT_KEY_PREVIOUS repeats it.
 */
export function keysById(keys: Buffer[]): Map<string, Buffer> {
  const byId = new Map<string, Buffer>();
  for (const key of keys) if (!byId.has(auditKeyId(key))) byId.set(auditKeyId(key), key);
  return byId;
}

/** Every audit key the server knows, the current one first. */
export function auditKeys(): Buffer[] {
  return [auditKey(), ...previousAuditKeys()];
}

/** For the verifier: the key the server uses, without generating one (a new key verifies nothing). */
export function existingAuditKey(): Buffer | null {
  const configured = env().AUDIT_KEY;
  if (configured) return Buffer.from(configured, 'utf8');
  const file = path.join(dataDir(), 'audit-key');
  return fs.existsSync(file) ? Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'utf8') : null;
}

const BLOCK = 64;

/**
 * HMAC-SHA-256 (RFC 2104) split so PostgreSQL can finish it with its built-in `sha256()`: the key
 * padded to one block and XORed with the inner and outer pads. The append then hashes
 * `sha256(outer || sha256(inner || message))` in its one statement, which is exactly
 * `createHmac('sha256', key)` over the same message; the key itself never reaches the database
 * (only these derived blocks, as statement parameters, never stored).
 */
export function hmacPads(key: Buffer): { inner: string; outer: string } {
  const block = Buffer.alloc(BLOCK);
  (key.length > BLOCK ? createHash('sha256').update(key).digest() : key).copy(block);
  return {
    inner: Buffer.from(block.map((b) => b ^ 0x36)).toString('hex'),
    outer: Buffer.from(block.map((b) => b ^ 0x5c)).toString('hex'),
  };
}

export function hmacHex(key: Buffer, text: string): string {
  return createHmac('sha256', key).update(text, 'utf8').digest('hex');
}
