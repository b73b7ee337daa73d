import { afterEach, describe, expect, it } from 'vitest';
import { resetEnv } from '@/lib/server/env';
import {
  codeHash,
  seal,
  storedSubscriptionCode,
  subscriptionCode,
  unseal,
} from '@/lib/server/status-mail/mail-secrets';

const saved = { AUDIT_KEY: process.env.AUDIT_KEY, AUDIT_KEY_PREVIOUS: process.env.AUDIT_KEY_PREVIOUS };

function useKeys(current: string, previous?: string) {
  process.env.AUDIT_KEY = current;
  if (previous === undefined) delete process.env.AUDIT_KEY_PREVIOUS;
  else process.env.AUDIT_KEY_PREVIOUS = previous;
  resetEnv();
}

afterEach(() => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnv();
});

describe('status mail secrets across an audit key rotation', () => {
  it('keeps a subscription made before the rotation working while the old key is in AUDIT_KEY_PREVIOUS', () => {
    useKeys('old-audit-key');
    const link = seal('http://warroom.example/status/ws_abc');
    const storedUnsubscribe = codeHash(subscriptionCode('unsubscribe', 'sub_1'));

    useKeys('new-audit-key', 'old-audit-key');
    expect(unseal(link)).toBe('http://warroom.example/status/ws_abc');
    // The mail carries the code the subscription stored, so its unsubscribe link still works.
    const code = storedSubscriptionCode('unsubscribe', 'sub_1', storedUnsubscribe);
    expect(code).not.toBeNull();
    expect(codeHash(code!)).toBe(storedUnsubscribe);
    // New subscriptions are sealed and coded with the new key alone.
    const fresh = seal('http://warroom.example/status/ws_new');
    useKeys('new-audit-key');
    expect(unseal(fresh)).toBe('http://warroom.example/status/ws_new');
  });

  it('opens nothing the keys it has did not make', () => {
    useKeys('old-audit-key');
    const link = seal('http://warroom.example/status/ws_abc');
    const storedConfirm = codeHash(subscriptionCode('confirm', 'sub_1'));

    useKeys('new-audit-key');
    expect(unseal(link)).toBeNull();
    expect(storedSubscriptionCode('confirm', 'sub_1', storedConfirm)).toBeNull();
    expect(unseal('not-a-sealed-link')).toBeNull();
  });
});
