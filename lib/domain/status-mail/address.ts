import { z } from '@/lib/zod';

/** RFC 5321's limit for a whole address. */
export const MAX_EMAIL_LENGTH = 254;

const addressSchema = z.email().max(MAX_EMAIL_LENGTH);

/**
 * The subscriber's address, trimmed and lower-cased (one subscription per person and link, however
 * they typed it), or null when it is not one. Anything but a string is not an address either.
 */
export function normalizeEmail(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const email = raw.trim().toLowerCase();
  return addressSchema.safeParse(email).success ? email : null;
}
