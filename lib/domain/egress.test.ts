import { describe, expect, it } from 'vitest';
import {
  checkHost,
  checkResolvedAddress,
  parseOutboundPolicy,
  refusalMessage,
  runtimeRefusalMessage,
  type Verdict,
} from './egress';

const closed = parseOutboundPolicy({});
const categoryOf = (verdict: Verdict) => (verdict.allowed ? 'allowed' : verdict.category);
/** What the URL parser hands the guard for a URL's host, as every caller gets it. */
const hostOf = (url: string) => new URL(url).hostname;

describe('the egress guard refuses hostile spellings of internal addresses', () => {
  it.each([
    // IPv4 loopback in every spelling inet_aton and the URL parser accept
    ['http://127.0.0.1/', 'loopback'],
    ['http://127.255.1.2/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://0x7f.1/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://127.000.000.001/', 'loopback'],
    // IPv6 loopback, and IPv4 loopback inside IPv6
    ['http://[::1]/', 'loopback'],
    ['http://[0:0:0:0:0:0:0:1]/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[::ffff:7f00:1]/', 'loopback'],
    ['http://[::127.0.0.1]/', 'loopback'],
    ['http://[::7f00:1]/', 'loopback'],
    ['http://[::ffff:0:127.0.0.1]/', 'loopback'],
    ['http://[64:ff9b::127.0.0.1]/', 'loopback'],
    ['http://[64:ff9b::a00:1]/', 'private'],
    ['http://[64:ff9b:1::a00:1]/', 'private'],
    ['http://[2002:7f00:1::]/', 'loopback'],
    ['http://[2002:c0a8:101::1]/', 'private'],
    // "this host"
    ['http://0.0.0.0/', 'unspecified'],
    ['http://0/', 'unspecified'],
    ['http://[::]/', 'unspecified'],
    ['http://[::ffff:0.0.0.0]/', 'unspecified'],
    // private networks
    ['http://10.0.0.1/', 'private'],
    ['http://172.16.5.4/', 'private'],
    ['http://172.31.255.255/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://167772161/', 'private'],
    ['http://[::ffff:10.0.0.1]/', 'private'],
    ['http://100.64.0.1/', 'carrierGradeNat'],
    ['http://[fc00::1]/', 'uniqueLocal'],
    ['http://[fd12:3456::1]/', 'uniqueLocal'],
    ['http://169.254.1.1/', 'linkLocal'],
    ['http://[fe80::1]/', 'linkLocal'],
    // the cloud metadata services
    ['http://169.254.169.254/latest/meta-data/', 'metadata'],
    ['http://[::ffff:169.254.169.254]/', 'metadata'],
    ['http://2852039166/', 'metadata'],
    ['http://[fd00:ec2::254]/', 'metadata'],
    ['http://100.100.100.200/', 'metadata'],
    // nowhere to connect to, or not a public host
    ['http://224.0.0.1/', 'multicast'],
    ['http://[ff02::1]/', 'multicast'],
    ['http://255.255.255.255/', 'broadcast'],
    ['http://240.0.0.1/', 'reserved'],
    ['http://192.0.2.10/', 'reserved'],
    ['http://198.18.0.1/', 'reserved'],
    ['http://[2001:db8::1]/', 'reserved'],
    ['http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', 'reserved'],
    ['http://[64:ff9b:1:7f00:1::]/', 'reserved'],
    // names that are loopback by definition (RFC 6761)
    ['http://localhost/', 'loopback'],
    ['http://LOCALHOST./', 'loopback'],
    ['http://api.localhost:3000/', 'loopback'],
  ])('%s is refused as %s', (url, category) => {
    expect(categoryOf(checkHost(hostOf(url), closed))).toBe(category);
  });

  it.each([
    ['http://8.8.8.8/', 'public IPv4'],
    ['http://134744072/', 'the same, as one number'],
    ['https://[2606:4700:4700::1111]/', 'public IPv6'],
    ['http://[::ffff:8.8.8.8]/', 'IPv4-mapped public'],
    ['http://[64:ff9b::808:808]/', 'NAT64 to a public address'],
    ['http://[2002:808:808::1]/', '6to4 behind a public address'],
    ['https://hooks.slack.com/services/T0/B0/X', 'a name (judged when it resolves)'],
    ['http://prometheus:9090/', 'a single-label name (judged when it resolves)'],
    ['http://localhost.example.com/', 'a name that only starts like localhost'],
  ])('%s is allowed (%s)', (url) => {
    expect(checkHost(hostOf(url), closed)).toEqual({ allowed: true });
  });

  it('judges raw spellings too, as a mail relay setting or a resolver would hand them over', () => {
    for (const host of ['2130706433', '0x7f.1', '0177.0.0.1', '127.1', '::ffff:127.0.0.1', '[::1]', '0.0.0.0']) {
      expect({ host, allowed: checkHost(host, closed).allowed }).toEqual({ host, allowed: false });
    }
  });
});

describe('at connect time every resolved address is judged', () => {
  it('refuses a name resolving to loopback, private or metadata addresses (DNS rebinding)', () => {
    for (const address of [
      '127.0.0.1',
      '::1',
      '::ffff:127.0.0.1',
      '10.1.2.3',
      '169.254.169.254',
      'fd00:ec2::254',
      '0.0.0.0',
    ]) {
      expect({ address, allowed: checkResolvedAddress('innocent.example.com', address, closed).allowed }).toEqual({
        address,
        allowed: false,
      });
    }
    expect(checkResolvedAddress('innocent.example.com', '93.184.216.34', closed)).toEqual({ allowed: true });
  });

  it('leaves localhost names to the resolver when connecting, which finds loopback', () => {
    expect(checkHost('localhost', closed, 'connect')).toEqual({ allowed: true });
    expect(checkHost('127.0.0.1', closed, 'connect').allowed).toBe(false);
    for (const address of ['127.0.0.1', '::1'])
      expect(checkResolvedAddress('localhost', address, closed).allowed).toBe(false);
  });

  it('says why without naming the address a name resolved to', () => {
    const refusal = checkResolvedAddress('db.corp.example', '10.20.30.40', closed);
    if (refusal.allowed) throw new Error('expected a refusal');
    const shown = runtimeRefusalMessage(refusal);
    expect(shown).toBe(
      'refused by the egress guard: the host name resolves to no public address; set OUTBOUND_ALLOW to allow it',
    );
    expect(shown).not.toContain('10.20.30.40');
    expect(shown).not.toContain('db.corp.example');
  });
});

describe('OUTBOUND_ALLOW and WEBHOOK_ALLOW_PRIVATE', () => {
  const policy = parseOutboundPolicy({
    OUTBOUND_ALLOW: ' 127.0.0.1 , 10.0.0.0/8,prometheus.internal, *.svc.cluster.local,[fd00::1],fd12::/16',
  });

  it('reads addresses, CIDRs and host names, and reports what is none of them', () => {
    expect(policy.hosts).toEqual(['prometheus.internal', '*.svc.cluster.local']);
    expect(policy.invalid).toEqual([]);
    expect(parseOutboundPolicy({ OUTBOUND_ALLOW: '10.0.0.0/33,host:9090,user@host,*.,a*b' }).invalid).toEqual([
      '10.0.0.0/33',
      'host:9090',
      'user@host',
      '*.',
      'a*b',
    ]);
  });

  it('opens the listed addresses and ranges in every spelling, and nothing next to them', () => {
    for (const host of [
      '127.0.0.1',
      '2130706433',
      '127.1',
      '[::ffff:127.0.0.1]',
      '10.0.0.1',
      '10.255.1.2',
      '[::ffff:10.9.9.9]',
      '[fd00::1]',
      '[fd12::7]',
    ]) {
      expect({ host, allowed: checkHost(host, policy).allowed }).toEqual({ host, allowed: true });
    }
    for (const host of ['127.0.0.2', '[::1]', '192.168.0.1', '[fd00::2]', '172.16.0.1']) {
      expect({ host, allowed: checkHost(host, policy).allowed }).toEqual({ host, allowed: false });
    }
  });

  it('lets a listed host name resolve to internal addresses, and localhost names through a listed loopback', () => {
    expect(checkResolvedAddress('prometheus.internal', '10.1.2.3', policy)).toEqual({ allowed: true });
    expect(checkResolvedAddress('Prometheus.Internal.', '192.168.7.7', policy)).toEqual({ allowed: true });
    expect(checkResolvedAddress('metrics.monitoring.svc.cluster.local', '172.20.0.5', policy)).toEqual({
      allowed: true,
    });
    expect(checkResolvedAddress('svc.cluster.local', '172.20.0.5', policy).allowed).toBe(false);
    expect(checkResolvedAddress('other.internal', '192.168.7.7', policy).allowed).toBe(false);
    expect(checkHost('localhost', policy)).toEqual({ allowed: true });
    expect(checkResolvedAddress('localhost', '127.0.0.1', policy)).toEqual({ allowed: true });
    expect(checkResolvedAddress('localhost', '::1', policy).allowed).toBe(false);
    expect(checkHost('localhost', parseOutboundPolicy({ OUTBOUND_ALLOW: 'localhost' }))).toEqual({ allowed: true });
  });

  it('keeps the metadata service, "this host", multicast and broadcast shut unless named exactly', () => {
    const wide = parseOutboundPolicy({
      OUTBOUND_ALLOW: '0.0.0.0/0,::/0,prometheus.internal',
      WEBHOOK_ALLOW_PRIVATE: 'true',
    });
    for (const host of ['169.254.169.254', '[fd00:ec2::254]', '0.0.0.0', '[::]', '224.0.0.1', '255.255.255.255']) {
      expect({ host, allowed: checkHost(host, wide).allowed }).toEqual({ host, allowed: false });
    }
    expect(checkResolvedAddress('prometheus.internal', '169.254.169.254', wide).allowed).toBe(false);
    expect(checkHost('169.254.169.254', parseOutboundPolicy({ OUTBOUND_ALLOW: '169.254.169.254' }))).toEqual({
      allowed: true,
    });
  });

  it('WEBHOOK_ALLOW_PRIVATE=true opens every private network, and is the only value that does', () => {
    const alias = parseOutboundPolicy({ WEBHOOK_ALLOW_PRIVATE: 'true' });
    for (const host of [
      '127.0.0.1',
      '[::1]',
      '[::ffff:127.0.0.1]',
      'localhost',
      '10.0.0.1',
      '172.16.0.1',
      '192.168.1.1',
      '100.64.0.1',
      '169.254.1.1',
      '[fd12::1]',
      '[fe80::1]',
    ]) {
      expect({ host, allowed: checkHost(host, alias).allowed }).toEqual({ host, allowed: true });
    }
    expect(checkResolvedAddress('anything.example', '10.0.0.1', alias)).toEqual({ allowed: true });
    for (const host of ['169.254.169.254', '0.0.0.0', '192.0.2.1', '224.0.0.1']) {
      expect({ host, allowed: checkHost(host, alias).allowed }).toEqual({ host, allowed: false });
    }
    expect(checkHost('127.0.0.1', parseOutboundPolicy({ WEBHOOK_ALLOW_PRIVATE: '1' })).allowed).toBe(false);
  });
});

describe('refusals say why, and what to do', () => {
  const refusal = (host: string) => {
    const verdict = checkHost(host, closed);
    if (verdict.allowed) throw new Error(`${host} was allowed`);
    return verdict;
  };

  it('names the address and the setting at validation time', () => {
    expect(refusalMessage(refusal('127.0.0.1'))).toBe(
      '127.0.0.1 is a loopback address; set OUTBOUND_ALLOW to allow it',
    );
    expect(refusalMessage(refusal(hostOf('http://[::ffff:127.0.0.1]/')))).toBe(
      '::ffff:7f00:1 (127.0.0.1) is a loopback address; set OUTBOUND_ALLOW to allow it',
    );
    expect(refusalMessage(refusal('10.0.0.1'))).toBe('10.0.0.1 is a private address; set OUTBOUND_ALLOW to allow it');
    expect(refusalMessage(refusal('0.0.0.0'))).toBe('0.0.0.0 is the unspecified address and never a destination');
    expect(refusalMessage(refusal('169.254.169.254'))).toBe(
      '169.254.169.254 is a cloud metadata address; only its exact address in OUTBOUND_ALLOW allows it',
    );
    expect(refusalMessage(refusal('localhost'))).toBe(
      'localhost is a loopback address; set OUTBOUND_ALLOW to allow it',
    );
  });

  it('records only the why when a connection is refused', () => {
    expect(runtimeRefusalMessage(refusal('127.0.0.1'))).toBe(
      'refused by the egress guard: the target is a loopback address; set OUTBOUND_ALLOW to allow it',
    );
    expect(runtimeRefusalMessage(refusal('169.254.169.254'))).toBe(
      'refused by the egress guard: the target is a cloud metadata address',
    );
  });
});
