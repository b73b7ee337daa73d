import { describe, expect, it } from 'vitest';
import { describeRedaction, redactSecrets } from './redact';

const PEM = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEAvZ3k0l1m2n3o4p5q6r7s8t9u0v',
  'aGVsbG8gd29ybGQ=',
  '-----END RSA PRIVATE KEY-----',
].join('\n');

describe('redactSecrets', () => {
  it('cuts bearer tokens and any Authorization header', () => {
    const r = redactSecrets(
      'curl -H "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig" https://api\nAuthorization: Basic dXNlcjpwdw==',
    );
    expect(r.text).toBe(
      'curl -H "Authorization: Bearer [REDACTED:bearer_token]" https://api\nAuthorization: Basic [REDACTED:bearer_token]',
    );
    expect(r).toMatchObject({ count: 2, kinds: ['bearer_token'] });
    expect(redactSecrets('token: Bearer abcdefghijklmnop1234').text).toContain('Bearer [REDACTED:bearer_token]');
  });

  it('leaves prose about bearers and short words alone', () => {
    const text = 'Bearer authentication is enabled; Basic auth is off.';
    expect(redactSecrets(text)).toEqual({ text, count: 0, kinds: [] });
  });

  it('cuts AWS access key ids and secret keys', () => {
    const r = redactSecrets(
      [
        'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
        'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        '{"AccessKeyId": "ASIAY34FZKBOKMUTVV7A", "SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}',
      ].join('\n'),
    );
    expect(r.text).not.toMatch(/AKIAIOSFODNN7EXAMPLE|ASIAY34FZKBOKMUTVV7A|wJalrXUtnFEMI/);
    expect(r.text).toContain('aws_secret_access_key = [REDACTED:aws_secret_key]');
    expect(r.count).toBe(4);
    expect(r.kinds).toEqual(['aws_access_key', 'aws_secret_key']);
  });

  it('cuts PEM private keys whole, and everything after a BEGIN that never ends', () => {
    const r = redactSecrets(`before\n${PEM}\nafter`);
    expect(r.text).toBe('before\n[REDACTED:private_key]\nafter');
    expect(r.kinds).toEqual(['private_key']);
    const cut = redactSecrets('key:\n-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA');
    expect(cut.text).toBe('key:\n[REDACTED:private_key]');
    expect(redactSecrets('-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----').count).toBe(0);
  });

  it('cuts password=, pwd= and secret= pairs, quoted or bare, and keeps the key', () => {
    const r = redactSecrets('PGPASSWORD=hunter2 psql\npwd: s3cr3t\n"client_secret": "abc def"\nurl?a=1&secret=xyz&b=2');
    expect(r.text).toBe(
      'PGPASSWORD=[REDACTED:password] psql\npwd: [REDACTED:password]\n"client_secret": "[REDACTED:password]"\nurl?a=1&secret=[REDACTED:password]&b=2',
    );
    expect(r).toMatchObject({ count: 4, kinds: ['password'] });
  });

  it('leaves references to secrets kept elsewhere alone', () => {
    const text = 'password=$DB_PASSWORD token=${CI_TOKEN} secret=*** pwd=<PASSWORD>';
    expect(redactSecrets(text).count).toBe(0);
  });

  it('cuts the password of a connection string and keeps the rest readable', () => {
    const r = redactSecrets(
      'DATABASE_URL=postgres://app:s3cr%40t@db.internal:5432/payments\nredis://:pw123@cache:6379/0',
    );
    expect(r.text).toBe(
      'DATABASE_URL=postgres://app:[REDACTED:connection_string]@db.internal:5432/payments\nredis://:[REDACTED:connection_string]@cache:6379/0',
    );
    expect(r.kinds).toEqual(['connection_string']);
    expect(redactSecrets('see https://example.com/a@b and git@github.com:org/repo').count).toBe(0);
  });

  it('cuts tokens whose shape says what they are', () => {
    const r = redactSecrets(`GITHUB_TOKEN ghp_${'a'.repeat(36)} slack xoxb-1234567890-abcdefghij`);
    expect(r.text).toBe('GITHUB_TOKEN [REDACTED:api_token] slack [REDACTED:api_token]');
  });

  it('is idempotent and leaves text without secrets untouched', () => {
    const once = redactSecrets(`${PEM}\npassword=hunter2 Bearer abcdefghijklmnopqrstu`);
    expect(redactSecrets(once.text)).toEqual({ text: once.text, count: 0, kinds: [] });
    const plain = 'Applied 1 migration in 2.3s\nlag 00:00:00.01';
    expect(redactSecrets(plain)).toEqual({ text: plain, count: 0, kinds: [] });
  });

  it('stays linear on 256 KB of hostile text', () => {
    const inputs = [
      '-----BEGIN PRIVATE KEY-----'.repeat(10_000),
      'password="'.repeat(25_000),
      `postgres://${'a'.repeat(260_000)}`,
      `Authorization: Bearer ${'x'.repeat(260_000)}`,
      'a:'.repeat(130_000),
      `secret${' '.repeat(260_000)}=`,
    ];
    for (const input of inputs) expect(typeof redactSecrets(input).count).toBe('number');
  });

  it('says what was redacted in words', () => {
    expect(describeRedaction(0, [])).toBe('Nothing was redacted.');
    expect(describeRedaction(2, ['password', 'aws_secret_key'])).toBe(
      '2 secrets redacted: password or secret, AWS secret key.',
    );
  });
});
