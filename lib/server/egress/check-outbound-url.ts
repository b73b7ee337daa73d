import { checkHost, refusalMessage, runtimeRefusalMessage, type Refusal } from '@/lib/domain/egress';
import { AppError } from '@/lib/server/errors';
import { outboundPolicy } from './policy';

export type UrlCheck =
  { ok: true; url: URL } | { ok: false; refusal: Refusal | null; message: string; runtimeMessage: string };

const HTTP = ['http:', 'https:'] as const;

/**
 * May the server be asked to connect to this URL? Judges the scheme and the host's literal: an
 * address in any spelling, and at validation time a `localhost` name. Any other name is judged
 * again, address by address, when the connection is made (guardedLookup).
 * `message` is for the person who typed the URL; `runtimeMessage` is what a refused connection
 * records where everyone reads it.
 */
export function checkOutboundUrl(
  input: string | URL,
  options: { protocols?: readonly string[]; stage?: 'validation' | 'connect' } = {},
): UrlCheck {
  const protocols = options.protocols ?? HTTP;
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, refusal: null, message: 'not a valid URL', runtimeMessage: 'invalid URL' };
  }
  if (!protocols.includes(url.protocol)) {
    const message = `only ${protocols.map((p) => p.slice(0, -1)).join(' or ')} URLs are allowed`;
    return { ok: false, refusal: null, message, runtimeMessage: message };
  }
  const verdict = checkHost(url.hostname, outboundPolicy(), options.stage);
  if (verdict.allowed) return { ok: true, url };
  return {
    ok: false,
    refusal: verdict,
    message: refusalMessage(verdict),
    runtimeMessage: runtimeRefusalMessage(verdict),
  };
}

/** The same, for a command validating its input: `422 outbound_refused` saying why. */
export function assertOutboundUrl(input: string | URL, protocols: readonly string[] = HTTP): URL {
  const checked = checkOutboundUrl(input, { protocols });
  if (checked.ok) return checked.url;
  throw new AppError('outbound_refused', checked.message);
}
