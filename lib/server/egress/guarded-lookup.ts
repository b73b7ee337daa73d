import dns from 'node:dns';
import { checkHost, checkResolvedAddress, runtimeRefusalMessage, type Refusal } from '@/lib/domain/egress';
import { outboundPolicy } from './policy';

/** A connection the egress guard refused; its message is safe to record where users read it. */
export class EgressRefusedError extends Error {
  readonly code = 'EEGRESSREFUSED';
  constructor(readonly refusal: Refusal) {
    super(runtimeRefusalMessage(refusal));
    this.name = 'EgressRefusedError';
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | dns.LookupAddress[],
  family?: number,
) => void;

/**
 * A drop-in `lookup` for any socket (net, tls, http, https, a mail client): resolves like
 * dns.lookup, then keeps only the addresses the egress policy allows — at connect time, so a name
 * that pointed somewhere public when it was checked cannot be re-pointed at the internal network
 * (DNS rebinding). When none is left the connection fails with EgressRefusedError.
 *
 * Sockets skip `lookup` for an address literal: call `refusedLiteral(host)` right before
 * connecting, as guardedRequest does.
 */
export function guardedLookup(
  hostname: string,
  options: dns.LookupOptions | number | LookupCallback,
  callback?: LookupCallback,
): void {
  const done = (typeof options === 'function' ? options : callback) as LookupCallback;
  const asked: dns.LookupOptions =
    typeof options === 'object' ? options : typeof options === 'number' ? { family: options } : {};
  dns.lookup(hostname, { ...asked, all: true }, (error, addresses) => {
    if (error) return done(error, '');
    const policy = outboundPolicy();
    let refusal: Refusal | null = null;
    const usable = addresses.filter((entry) => {
      const verdict = checkResolvedAddress(hostname, entry.address, policy);
      if (!verdict.allowed) refusal ??= verdict;
      return verdict.allowed;
    });
    if (usable.length === 0)
      return done(
        refusal
          ? new EgressRefusedError(refusal)
          : Object.assign(new Error(`cannot resolve ${hostname}`), { code: 'ENOTFOUND' }),
        '',
      );
    if (asked.all) return done(null, usable);
    done(null, usable[0].address, usable[0].family);
  });
}

/**
 * The connect-time check of a host a socket will not resolve: an address literal (any spelling)
 * the policy refuses gives the error to fail with; a name gives null (guardedLookup judges it).
 */
export function refusedLiteral(host: string): EgressRefusedError | null {
  const verdict = checkHost(host, outboundPolicy(), 'connect');
  return verdict.allowed ? null : new EgressRefusedError(verdict);
}
