/**
 * A fresh Idempotency-Key. `crypto.randomUUID` exists only on secure origins (HTTPS or
 * localhost); a war room opened over plain HTTP on a LAN address still needs keys.
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
