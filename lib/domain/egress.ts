/**
 * The egress rules: where the server may connect because someone typed a URL (a webhook, a
 * Prometheus source, and every later caller). Such a URL must not let an IC reach the server's own
 * network, its loopback or the cloud's metadata service. Only public unicast addresses are allowed
 * unless the operator opens more with OUTBOUND_ALLOW (or WEBHOOK_ALLOW_PRIVATE=true, "every
 * private network").
 *
 * Pure: this classifies host names and addresses. lib/server/egress applies it at validation time
 * (the URL's literal) and again at connect time (every address a name resolves to).
 *
 * ipaddr.js parses every spelling (decimal, octal, hex and short IPv4 such as 2130706433, 0x7f.1,
 * 0177.0.0.1, 127.1; every IPv6 form). An IPv6 address that carries an IPv4 one (IPv4-mapped,
 * -compatible, -translated, NAT64, 6to4) is judged by the IPv4 address it leads to.
 */

import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Range = readonly [Address, number];

export type RefusedCategory =
  | 'loopback'
  | 'private'
  | 'linkLocal'
  | 'carrierGradeNat'
  | 'uniqueLocal'
  | 'metadata'
  | 'reserved'
  | 'unspecified'
  | 'multicast'
  | 'broadcast';
export type AddressCategory = 'public' | RefusedCategory;

const LABEL: Record<RefusedCategory, string> = {
  loopback: 'a loopback address',
  private: 'a private address',
  linkLocal: 'a link-local address',
  carrierGradeNat: 'a carrier-grade NAT address',
  uniqueLocal: 'a unique-local address',
  metadata: 'a cloud metadata address',
  reserved: 'a reserved address',
  unspecified: 'the unspecified address',
  multicast: 'a multicast address',
  broadcast: 'the broadcast address',
};

/** What WEBHOOK_ALLOW_PRIVATE=true opens: the operator's own networks (not the metadata service). */
const PRIVATE_CATEGORIES: ReadonlySet<AddressCategory> = new Set([
  'loopback',
  'private',
  'linkLocal',
  'carrierGradeNat',
  'uniqueLocal',
]);
/** What an OUTBOUND_ALLOW entry may open: those, and reserved ranges an operator may really route. */
const LISTABLE_CATEGORIES: ReadonlySet<AddressCategory> = new Set([...PRIVATE_CATEGORIES, 'reserved']);
// Never opened: unspecified (0.0.0.0 and :: mean "this host"), multicast and broadcast are no place
// to open a connection to. The metadata service is opened only by naming its exact address.

/**
 * The instance metadata services (AWS, GCP, Azure, OpenStack: 169.254.169.254; ECS and EKS task
 * credentials; Alibaba; Oracle's legacy one; AWS over IPv6). They hand out cloud credentials.
 */
export const CLOUD_METADATA_ADDRESSES = [
  '169.254.169.254',
  '169.254.170.2',
  '169.254.170.23',
  '100.100.100.200',
  '192.0.0.192',
  'fd00:ec2::254',
  'fd00:ec2::23',
];
const METADATA = CLOUD_METADATA_ADDRESSES.map((text) => ipaddr.parse(text));

export type OutboundPolicy = {
  /** WEBHOOK_ALLOW_PRIVATE=true: every private category is open. */
  allowPrivate: boolean;
  /** OUTBOUND_ALLOW addresses and CIDRs (a single address is a full-length range). */
  ranges: readonly Range[];
  /** OUTBOUND_ALLOW host names: exact (`prometheus.internal`) or a suffix (`*.svc.cluster.local`). */
  hosts: readonly string[];
  /** Entries that are neither an address, a CIDR nor a host name (reported, never applied). */
  invalid: readonly string[];
};

export type Refusal = {
  allowed: false;
  category: RefusedCategory;
  /** What was judged, as the caller wrote it or as it normalised ("[::ffff:7f00:1] (127.0.0.1)"). */
  subject: string;
  /** Whether OUTBOUND_ALLOW could open it. */
  allowable: boolean;
  /** Refused for what a name resolved to, rather than for the literal in the URL. */
  resolved: boolean;
};
export type Verdict = { allowed: true } | Refusal;

const FULL_LENGTH = { ipv4: 32, ipv6: 128 } as const;
const isFullLength = ([net, bits]: Range) => bits === FULL_LENGTH[net.kind()];

function inRange(address: Address, [net, bits]: Range): boolean {
  return address.kind() === net.kind() && address.match(net, bits);
}

const sameAddress = (a: Address, b: Address) =>
  a.kind() === b.kind() && a.toNormalizedString() === b.toNormalizedString();

function lowestIPv4(address: ipaddr.IPv6): ipaddr.IPv4 {
  const [high, low] = address.parts.slice(6);
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/**
 * The IPv4 address an IPv6 address leads to: `'opaque'` when it embeds one we cannot locate
 * reliably (judged as reserved), null for native IPv6.
 */
function embeddedIPv4(address: ipaddr.IPv6): ipaddr.IPv4 | 'opaque' | null {
  const parts = address.parts;
  switch (address.range()) {
    case 'ipv4Mapped': // ::ffff:a.b.c.d
    case 'rfc6145': // ::ffff:0:a.b.c.d, IPv4-translated
      return lowestIPv4(address);
    case 'rfc6052': // NAT64: 64:ff9b::/96, and the local-use 64:ff9b:1::/48 in its /96 layout only
      return parts.slice(3, 6).every((p) => p === 0) ? lowestIPv4(address) : 'opaque';
    case '6to4': // 2002:AABB:CCDD::/48 is the site behind AA.BB.CC.DD
      return new ipaddr.IPv4([parts[1] >> 8, parts[1] & 0xff, parts[2] >> 8, parts[2] & 0xff]);
    case 'unicast': // ::a.b.c.d, the deprecated IPv4-compatible form (:: and ::1 have ranges of their own)
      return parts.slice(0, 6).every((p) => p === 0) ? lowestIPv4(address) : null;
    default:
      return null;
  }
}

function categoryOf(address: Address): AddressCategory {
  if (METADATA.some((m) => sameAddress(m, address))) return 'metadata';
  const range = address.range();
  switch (range) {
    case 'unicast':
      return 'public';
    case 'loopback':
    case 'private':
    case 'linkLocal':
    case 'carrierGradeNat':
    case 'uniqueLocal':
    case 'unspecified':
    case 'multicast':
    case 'broadcast':
      return range;
    default:
      // Documentation, benchmarking, Teredo, ORCHID, AS112, 240/4 and the rest: not a public host.
      return 'reserved';
  }
}

type Classified = {
  category: AddressCategory;
  /** The address as written normalised, with the IPv4 address it leads to when that differs. */
  shown: string;
  /** Every form allow-list ranges are matched against: the address and the IPv4 inside it. */
  forms: Address[];
};

/** Classifies an IP address in any spelling; null when the text is not an address. */
export function classifyAddress(text: string): Classified | null {
  const plain = unbracket(text.trim());
  if (!ipaddr.isValid(plain)) return null;
  const address = ipaddr.parse(plain);
  if (address.kind() === 'ipv4') return { category: categoryOf(address), shown: address.toString(), forms: [address] };
  const v6 = address as ipaddr.IPv6;
  const inner = embeddedIPv4(v6);
  if (inner === 'opaque') return { category: 'reserved', shown: v6.toString(), forms: [v6] };
  if (inner)
    return { category: categoryOf(inner), shown: `${v6.toString()} (${inner.toString()})`, forms: [v6, inner] };
  return { category: categoryOf(v6), shown: v6.toString(), forms: [v6] };
}

function unbracket(text: string): string {
  return text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
}

/** Host names compare lower-case and without the root's trailing dot (`localhost.` is `localhost`). */
function normaliseHost(host: string): string {
  const lower = unbracket(host.trim().toLowerCase());
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** A host-name entry of OUTBOUND_ALLOW, checked by the URL parser; null if it is not one. */
function hostEntry(entry: string): string | null {
  const wildcard = entry.startsWith('*.');
  const name = wildcard ? entry.slice(2) : entry;
  if (!name || name.includes('*')) return null;
  try {
    const url = new URL(`http://${name}/`);
    if (url.port || url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
    return (wildcard ? '*.' : '') + normaliseHost(url.hostname);
  } catch {
    return null;
  }
}

/**
 * Reads OUTBOUND_ALLOW (comma-separated addresses, CIDRs and host names, e.g.
 * `127.0.0.1,10.0.0.0/8,prometheus.internal,*.svc.cluster.local`) and the alias
 * WEBHOOK_ALLOW_PRIVATE=true.
 */
export function parseOutboundPolicy(env: { OUTBOUND_ALLOW?: string; WEBHOOK_ALLOW_PRIVATE?: string }): OutboundPolicy {
  const ranges: Range[] = [];
  const hosts: string[] = [];
  const invalid: string[] = [];
  for (const raw of (env.OUTBOUND_ALLOW ?? '').split(',')) {
    const entry = normaliseHost(raw);
    if (!entry) continue;
    if (entry.includes('/')) {
      if (ipaddr.isValidCIDR(entry)) ranges.push(ipaddr.parseCIDR(entry));
      else invalid.push(raw.trim());
      continue;
    }
    const address = classifyAddress(entry);
    if (address) {
      for (const form of address.forms) ranges.push([form, FULL_LENGTH[form.kind()]]);
      continue;
    }
    const host = hostEntry(entry);
    if (host) hosts.push(host);
    else invalid.push(raw.trim());
  }
  return { allowPrivate: env.WEBHOOK_ALLOW_PRIVATE === 'true', ranges, hosts, invalid };
}

function hostListed(policy: OutboundPolicy, host: string): boolean {
  return policy.hosts.some((entry) => (entry.startsWith('*.') ? host.endsWith(entry.slice(1)) : host === entry));
}

/** Whether the policy opens an address of this category and these forms. */
function opens(policy: OutboundPolicy, category: AddressCategory, forms: readonly Address[]): boolean {
  if (category === 'public') return true;
  if (category === 'metadata')
    return forms.some((form) => policy.ranges.some((range) => isFullLength(range) && inRange(form, range)));
  if (!LISTABLE_CATEGORIES.has(category)) return false;
  if (policy.allowPrivate && PRIVATE_CATEGORIES.has(category)) return true;
  return forms.some((form) => policy.ranges.some((range) => inRange(form, range)));
}

function refuse(category: RefusedCategory, subject: string, resolved: boolean): Refusal {
  return {
    allowed: false,
    category,
    subject,
    allowable: LISTABLE_CATEGORIES.has(category) || category === 'metadata',
    resolved,
  };
}

const LOOPBACK_FORMS = [ipaddr.parse('127.0.0.1'), ipaddr.parse('::1')];
/** RFC 6761: `localhost` and every name under it are loopback, whatever a resolver says. */
const isLocalhostName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/**
 * Judges a host before anything is resolved. An address literal is judged as it stands (sockets
 * skip resolving it, so this is the only check it gets). At validation time a `localhost` name is
 * judged as loopback too, to say so at once; at connect time it is resolved like any other name.
 * Every other name is allowed here: its addresses are judged as the connection is made
 * (`checkResolvedAddress`).
 */
export function checkHost(
  host: string,
  policy: OutboundPolicy,
  stage: 'validation' | 'connect' = 'validation',
): Verdict {
  const name = normaliseHost(host);
  const address = classifyAddress(name);
  if (address) {
    if (address.category === 'public' || opens(policy, address.category, address.forms)) return { allowed: true };
    return refuse(address.category, address.shown, false);
  }
  if (!name) return refuse('unspecified', '(no host)', false);
  if (
    stage === 'validation' &&
    isLocalhostName(name) &&
    !hostListed(policy, name) &&
    !opens(policy, 'loopback', LOOPBACK_FORMS)
  ) {
    return refuse('loopback', name, false);
  }
  return { allowed: true };
}

/**
 * Connect time: one address `host` resolved to. A host named in OUTBOUND_ALLOW may resolve to
 * any private or reserved address; otherwise the address is judged like a literal.
 */
export function checkResolvedAddress(host: string, address: string, policy: OutboundPolicy): Verdict {
  const name = normaliseHost(host);
  const classified = classifyAddress(address);
  if (!classified) return refuse('reserved', name, true);
  const { category, forms } = classified;
  if (category === 'public') return { allowed: true };
  if (hostListed(policy, name) && LISTABLE_CATEGORIES.has(category)) return { allowed: true };
  if (opens(policy, category, forms)) return { allowed: true };
  return refuse(category, name, true);
}

function hint(refusal: Refusal): string {
  if (refusal.category === 'metadata') return '; only its exact address in OUTBOUND_ALLOW allows it';
  return refusal.allowable ? '; set OUTBOUND_ALLOW to allow it' : ' and never a destination';
}

/**
 * For the person who typed the URL, at validation time: "127.0.0.1 is a loopback address; set
 * OUTBOUND_ALLOW to allow it".
 */
export function refusalMessage(refusal: Refusal): string {
  if (refusal.resolved)
    return `${refusal.subject} resolves to no address the server may reach${refusal.allowable ? '; set OUTBOUND_ALLOW to allow it' : ''}`;
  return `${refusal.subject} is ${LABEL[refusal.category]}${hint(refusal)}`;
}

/**
 * What a refused connection records where the whole war room reads it (a delivery's or a
 * source's error): why, but neither the address nor what an internal name resolved to.
 */
export function runtimeRefusalMessage(refusal: Refusal): string {
  const why = refusal.resolved
    ? 'the host name resolves to no public address'
    : `the target is ${LABEL[refusal.category]}`;
  return `refused by the egress guard: ${why}${refusal.allowable && refusal.category !== 'metadata' ? '; set OUTBOUND_ALLOW to allow it' : ''}`;
}
