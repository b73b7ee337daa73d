import { describe, expect, it } from 'vitest';
import { ACCOUNT_EVENT_TYPES, accountEventIsOwn, accountEventLabel } from './account-events';

describe('account history lines', () => {
  it('read as a sentence for every kind of change, saying when an admin was made', () => {
    const payload = { isAdmin: true, via: 'admin' as const, tokenName: 'deploy', scopes: ['read', 'write'] };
    const lines = ACCOUNT_EVENT_TYPES.map((type) => `Bea ${accountEventLabel(type, payload)}`);
    expect(lines).toEqual([
      'Bea created the account (admin)',
      'Bea deactivated',
      'Bea reactivated',
      'Bea made admin',
      'Bea removed admin rights from',
      'Bea invited (admin)',
      'Bea revoked the invitation of',
      'Bea accepted the invitation (admin)',
      'Bea created API token “deploy” (read, write)',
      'Bea revoked API token “deploy”',
      'Bea added a global webhook (every deployment) to',
      'Bea deleted the global webhook to',
      'Bea paused the global webhook to',
      'Bea resumed the global webhook to',
      'Bea began hashing the record with',
    ]);
    expect(
      accountEventLabel('token.created', { tokenName: 'ci', scopes: ['read'], deploymentId: 'd1', via: 'cli' }),
    ).toBe('created API token “ci” (read; one deployment) for');
    expect(accountEventLabel('account.created', { via: 'sign-up' })).toBe('signed up');
    expect(accountEventLabel('account.created', { via: 'sso', isAdmin: true })).toBe(
      'signed in with SSO for the first time (admin)',
    );
  });

  it('name the subject only when someone acted on another account', () => {
    expect(accountEventIsOwn('invitation.accepted')).toBe(true);
    expect(accountEventIsOwn('account.created', { via: 'sso' })).toBe(true);
    expect(accountEventIsOwn('account.created', { via: 'admin' })).toBe(false);
    expect(accountEventIsOwn('account.deactivated')).toBe(false);
    expect(accountEventIsOwn('token.created')).toBe(true);
    expect(accountEventIsOwn('token.created', { via: 'cli' })).toBe(false);
  });
});
