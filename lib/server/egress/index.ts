/**
 * The egress guard: every outbound connection the server makes on someone's say-so goes through
 * here (webhooks, Prometheus polls, and every later caller: HTTP checks, mail).
 *
 * - validation time: `assertOutboundUrl(url)` (422 outbound_refused) or `checkOutboundUrl(url)`;
 * - HTTP(S): `guardedRequest({ url, method, headers, body, timeoutMs, maxResponseBytes })`;
 * - any other socket (net, tls, a mail client): validate the host with `checkOutboundHost(host)`;
 *   when connecting, fail with `refusedLiteral(host)` if it returns an error (sockets do not
 *   resolve literals), else connect with `lookup: guardedLookup`.
 *
 * The rules themselves are pure, in lib/domain/egress.ts.
 */
import { checkHost, refusalMessage, type Verdict } from '@/lib/domain/egress';
import { outboundPolicy } from './policy';

export { assertOutboundUrl, checkOutboundUrl, type UrlCheck } from './check-outbound-url';
export { EgressRefusedError, guardedLookup, refusedLiteral } from './guarded-lookup';
export { guardedRequest, type OutboundFailure, type OutboundRequest, type OutboundResponse } from './guarded-request';
export { outboundPolicy } from './policy';

/** Validation of a bare host (a mail relay, a TCP check): the verdict and, if refused, why. */
export function checkOutboundHost(host: string): Verdict & { message?: string } {
  const verdict = checkHost(host, outboundPolicy());
  return verdict.allowed ? verdict : { ...verdict, message: refusalMessage(verdict) };
}
