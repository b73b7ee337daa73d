import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { auditKey } from '@/lib/server/events/audit-key';

/**
 * The secrets of status mails, all derived from the audit key (AUDIT_KEY or the generated one) so
 * there is no new secret to keep: a code key and a sealing key, each for its one purpose (HKDF).
 *
 * - Codes (confirm, unsubscribe) are HMACs of the subscription id: only mails carry them, the
 *   database keeps their SHA-256, so a copy of the database confirms or cancels nothing.
 * - The page link a mail carries holds the share token, which the database keeps only hashed;
 *   the subscription keeps the link sealed with AES-256-GCM.
 */
type Purpose = 'code' | 'seal';

let cached: { audit: Buffer; keys: Record<Purpose, Buffer> } | null = null;

function keyFor(purpose: Purpose): Buffer {
  const audit = auditKey();
  if (!cached || !cached.audit.equals(audit)) {
    const derive = (info: string) => Buffer.from(hkdfSync('sha256', audit, Buffer.alloc(0), info, 32));
    cached = {
      audit,
      keys: { code: derive('war-room:status-mail:code'), seal: derive('war-room:status-mail:seal') },
    };
  }
  return cached.keys[purpose];
}

export type CodeKind = 'confirm' | 'unsubscribe';

/** The code a mail carries for this subscription and purpose. */
export function subscriptionCode(kind: CodeKind, subscriptionId: string): string {
  return createHmac('sha256', keyFor('code')).update(`${kind}:${subscriptionId}`).digest('base64url');
}

/** What the database keeps of a code, and what a code from a link is looked up by. */
export function codeHash(code: string): string {
  return createHash('sha256').update(code).digest('hex');
}

/** AES-256-GCM: iv.tag.ciphertext, base64url. */
export function seal(text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor('seal'), iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
}

/** The sealed text, or null when it was not sealed with this key (or was tampered with). */
export function unseal(sealed: string): string | null {
  try {
    const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
    const decipher = createDecipheriv('aes-256-gcm', keyFor('seal'), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
