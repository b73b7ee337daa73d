import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { auditKeys } from '@/lib/server/events/audit-key';

/**
 * The secrets of status mails, all derived from the audit key (AUDIT_KEY or the generated one) so
 * there is no new secret to keep: a code key and a sealing key, each for its one purpose (HKDF).
 *
 * - Codes (confirm, unsubscribe) are HMACs of the subscription id: only mails carry them, the
 *   database keeps their SHA-256, so a copy of the database confirms or cancels nothing.
 * - The page link a mail carries holds the share token, which the database keeps only hashed;
 *   the subscription keeps the link sealed with AES-256-GCM.
 *
 * After an audit key rotation the earlier keys (AUDIT_KEY_PREVIOUS) still open what they sealed
 * and remake the codes they made, so subscriptions made before keep working.
 */
type Purpose = 'code' | 'seal';

let cached: { audit: Buffer[]; keys: Record<Purpose, Buffer>[] } | null = null;

/** The purpose's key derived from each audit key, the current one first. */
function keysFor(purpose: Purpose): Buffer[] {
  const audit = auditKeys();
  if (!cached || cached.audit.length !== audit.length || cached.audit.some((key, i) => !key.equals(audit[i]))) {
    const derive = (key: Buffer, info: string) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, 32));
    cached = {
      audit,
      keys: audit.map((key) => ({
        code: derive(key, 'war-room:status-mail:code'),
        seal: derive(key, 'war-room:status-mail:seal'),
      })),
    };
  }
  return cached.keys.map((keys) => keys[purpose]);
}

export type CodeKind = 'confirm' | 'unsubscribe';

const codeWith = (key: Buffer, kind: CodeKind, subscriptionId: string) =>
  createHmac('sha256', key).update(`${kind}:${subscriptionId}`).digest('base64url');

/** The code a new subscription's mails carry for this purpose (made with the current key). */
export function subscriptionCode(kind: CodeKind, subscriptionId: string): string {
  return codeWith(keysFor('code')[0], kind, subscriptionId);
}

/**
 * The code an existing subscription's mails carry: the one whose hash it stored, made with
 * whichever audit key was current when it subscribed. Null when none of the keys given made it.
 */
export function storedSubscriptionCode(kind: CodeKind, subscriptionId: string, storedHash: string): string | null {
  for (const key of keysFor('code')) {
    const code = codeWith(key, kind, subscriptionId);
    if (codeHash(code) === storedHash) return code;
  }
  return null;
}

/** What the database keeps of a code, and what a code from a link is looked up by. */
export function codeHash(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

/** AES-256-GCM: iv.tag.ciphertext, base64url. */
export function seal(text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keysFor('seal')[0], iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
}

/** The sealed text, or null when none of the audit keys sealed it (or it was tampered with). */
export function unseal(sealed: string): string | null {
  const parts = sealed.split('.');
  if (parts.length !== 3) return null;
  const [iv, tag, body] = parts.map((part) => Buffer.from(part, 'base64url'));
  for (const key of keysFor('seal')) {
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    } catch {
      // Not this key's: try the next.
    }
  }
  return null;
}
