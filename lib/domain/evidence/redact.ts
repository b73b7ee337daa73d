import { plural } from '../plural';

/**
 * Secrets in pasted output are cut out before anything is stored or published: people paste
 * whole terminal sessions, and `curl -H "Authorization: Bearer …"` or a `DATABASE_URL` is in
 * them more often than not. Each secret becomes `[REDACTED:kind]`; the answer says how many and
 * which kinds, so the person sees what was taken out. Every pattern is bounded (no unbounded
 * repetition next to another), so 256 KB of hostile text is scanned in linear time.
 */

export const REDACTION_KINDS = [
  'private_key',
  'connection_string',
  'bearer_token',
  'aws_access_key',
  'aws_secret_key',
  'api_token',
  'password',
] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

export const REDACTION_LABEL: Record<RedactionKind, string> = {
  private_key: 'private key',
  connection_string: 'password in a connection string',
  bearer_token: 'authorization token',
  aws_access_key: 'AWS access key',
  aws_secret_key: 'AWS secret key',
  api_token: 'API token',
  password: 'password or secret',
};

export type Redaction = { text: string; count: number; kinds: RedactionKind[] };

const marker = (kind: RedactionKind) => `[REDACTED:${kind}]`;

/** Values that only name a secret kept elsewhere, or one already cut: left as they are. */
const NOT_A_SECRET = /^(?:bearer|basic|\$\{?[A-Za-z_][\w]*\}?|\*+|x{3,}|<[^>]*>|\[REDACTED[^\]]*\]|null|none|""|''|)$/i;

type Rule = { kind: RedactionKind; pattern: RegExp; replace: (match: string, ...groups: string[]) => string | null };

const RULES: Rule[] = [
  {
    // user:password@ in any URL: postgres://app:s3cret@db:5432/payments, redis://:pw@cache:6379.
    kind: 'connection_string',
    pattern: /\b([a-z][a-z0-9+.-]{0,30}:\/\/)([^\s:/@'"]{0,256}):([^\s@/'"]{1,256})@/gi,
    replace: (_m, scheme, user, password) =>
      NOT_A_SECRET.test(password) ? null : `${scheme}${user}:${marker('connection_string')}@`,
  },
  {
    // "Authorization: Basic dXNlcjpwdw==" (any scheme), and a bare "Bearer eyJ…" of 16 characters or more.
    kind: 'bearer_token',
    pattern:
      /\b(authorization["']?[ \t]{0,5}[:=][ \t]{0,5}["']?[A-Za-z-]{1,20}[ \t]{1,5}|Bearer[ \t]{1,5}(?=[A-Za-z0-9\-._~+/]{16}))([A-Za-z0-9\-._~+/]{1,4096}=*)/gi,
    replace: (_m, prefix, token) => (NOT_A_SECRET.test(token) ? null : `${prefix}${marker('bearer_token')}`),
  },
  {
    kind: 'aws_access_key',
    pattern: /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|AKPA|ANPA|ANVA|AROA|APKA)[A-Z0-9]{16}\b/g,
    replace: () => marker('aws_access_key'),
  },
  {
    // aws_secret_access_key = …, "SecretAccessKey": "…", AWS_SECRET_ACCESS_KEY=…
    kind: 'aws_secret_key',
    pattern:
      /(aws_?secret_?access_?key|secret_?access_?key|secretaccesskey)([\s"':=]{1,8})([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])/gi,
    replace: (_m, key, separator) => `${key}${separator}${marker('aws_secret_key')}`,
  },
  {
    // Tokens whose shape says what they are: GitHub, Slack, GitLab, npm, Stripe, this app's own.
    kind: 'api_token',
    pattern:
      /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255}|xox[abposr]-[A-Za-z0-9-]{10,255}|glpat-[A-Za-z0-9_-]{20,255}|npm_[A-Za-z0-9]{36}|sk_live_[A-Za-z0-9]{16,255}|wr_[A-Za-z0-9_-]{32})\b/g,
    replace: () => marker('api_token'),
  },
  {
    // password=…, pwd: …, "secret": "…", client_secret=…, api_key=…, token=… (quoted or bare).
    kind: 'password',
    pattern:
      /\b(\w{0,40}?(?:password|passwd|pwd|secret|api_?key|token))(["']?[ \t]{0,5}[=:][ \t]{0,5})("[^"\n]{0,512}"|'[^'\n]{0,512}'|[^\s"'&;,]{1,512})/gi,
    replace: (_m, key, separator, value) => {
      const bare = value.replace(/^(["'])(.*)\1$/s, '$2');
      if (NOT_A_SECRET.test(bare)) return null;
      const quote = /^["']/.test(value) ? value[0] : '';
      return `${key}${separator}${quote}${marker('password')}${quote}`;
    },
  },
];

const BEGIN_KEY = /-----BEGIN ((?:[A-Z0-9]+ ){0,4})PRIVATE KEY( BLOCK)?-----/g;

/** PEM private keys, found with indexOf rather than a lazy `[\s\S]*?` (which scans to the end once per BEGIN). */
function redactPrivateKeys(text: string): { text: string; count: number } {
  let out = '';
  let from = 0;
  let count = 0;
  BEGIN_KEY.lastIndex = 0;
  for (let m = BEGIN_KEY.exec(text); m; m = BEGIN_KEY.exec(text)) {
    const endLabel = `-----END ${m[1]}PRIVATE KEY${m[2] ?? ''}-----`;
    const endAt = text.indexOf(endLabel, m.index + m[0].length);
    // No END (a truncated paste): everything after BEGIN may be key material, so it all goes.
    const stop = endAt === -1 ? text.length : endAt + endLabel.length;
    out += `${text.slice(from, m.index)}${marker('private_key')}`;
    from = stop;
    count += 1;
    BEGIN_KEY.lastIndex = stop;
  }
  return { text: out + text.slice(from), count };
}

/** Cuts the secrets out of pasted text; idempotent (redacting twice changes nothing more). */
export function redactSecrets(input: string): Redaction {
  const kinds = new Set<RedactionKind>();
  const keys = redactPrivateKeys(input);
  let text = keys.text;
  let count = keys.count;
  if (keys.count) kinds.add('private_key');
  for (const rule of RULES) {
    text = text.replace(rule.pattern, (match: string, ...groups: string[]) => {
      const replaced = rule.replace(match, ...groups);
      if (replaced === null) return match;
      count += 1;
      kinds.add(rule.kind);
      return replaced;
    });
  }
  return { text, count, kinds: REDACTION_KINDS.filter((k) => kinds.has(k)) };
}

/** "2 secrets redacted: password or secret, AWS secret key". */
export function describeRedaction(count: number, kinds: readonly string[]): string {
  if (!count) return 'Nothing was redacted.';
  const names = kinds.map((k) => REDACTION_LABEL[k as RedactionKind] ?? k).join(', ');
  return `${plural(count, 'secret')} redacted${names ? `: ${names}` : ''}.`;
}
