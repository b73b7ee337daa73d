import { parseOutboundPolicy, type OutboundPolicy } from '@/lib/domain/egress';
import { env } from '@/lib/server/env';
import { logger } from '@/lib/server/logger';

const cache: { key: string | null; policy: OutboundPolicy | null } = { key: null, policy: null };

/**
 * The operator's egress policy, from OUTBOUND_ALLOW and WEBHOOK_ALLOW_PRIVATE (the alias for
 * "every private network"). Read from the environment on each use, parsed once per value; an
 * entry that is neither an address, a CIDR nor a host name is logged and ignored.
 */
export function outboundPolicy(): OutboundPolicy {
  const { OUTBOUND_ALLOW, WEBHOOK_ALLOW_PRIVATE } = env();
  const key = `${OUTBOUND_ALLOW ?? ''}\n${WEBHOOK_ALLOW_PRIVATE}`;
  if (cache.key !== key || !cache.policy) {
    cache.policy = parseOutboundPolicy({ OUTBOUND_ALLOW, WEBHOOK_ALLOW_PRIVATE: String(WEBHOOK_ALLOW_PRIVATE) });
    cache.key = key;
    if (cache.policy.invalid.length) logger.warn('egress.invalid_allow_entries', { ignored: cache.policy.invalid });
  }
  return cache.policy;
}
