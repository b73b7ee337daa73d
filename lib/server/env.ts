/**
 * Every environment variable the server reads, parsed and checked in one place. server.ts calls
 * `env()` before it does anything else, so a bad value stops the server at start with a line
 * naming the variable and what it expects, instead of surfacing later as NaN or a silent default.
 * The README's configuration table lists each of them (tests/unit/env-readme.test.ts holds it to that).
 *
 * A blank value counts as unset. Values are never echoed back in errors: some of them are secrets.
 * Meanings live with the code that uses them and in the README; what is here is the shape.
 */
import os from 'node:os';
import { z } from '@/lib/zod';

type Source = Record<string, string | undefined>;

const optionalText = () => z.string().optional();

/** `true` / `false` (any case). */
const flag = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback;
      const value = raw.trim().toLowerCase();
      if (value === 'true' || value === 'false') return value === 'true';
      ctx.addIssue({ code: 'custom', message: 'expected true or false' });
      return z.NEVER;
    });

/** `on` / `off` (any case; `true` / `false` too). */
const onOff = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback;
      const value = raw.trim().toLowerCase();
      if (value === 'on' || value === 'true') return true;
      if (value === 'off' || value === 'false') return false;
      ctx.addIssue({ code: 'custom', message: 'expected on or off' });
      return z.NEVER;
    });

/** `min` counts as in range, `above` does not. */
type NumberRule = { fallback: number; min?: number; above?: number; max?: number; whole?: boolean; off?: boolean };

/** A number within bounds; with `off`, the word `off` reads as 0. */
const number = ({
  fallback,
  min = -Infinity,
  above = -Infinity,
  max = Infinity,
  whole = false,
  off = false,
}: NumberRule) => {
  const kind = whole ? 'a whole number' : 'a number';
  const low = above > -Infinity ? `above ${above}` : `${min} or more`;
  const range = max < Infinity ? `from ${min} to ${max}` : low;
  const expected = `expected ${kind} ${range}${off ? ', or off' : ''}`;
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined) return fallback;
      if (off && raw.trim().toLowerCase() === 'off') return 0;
      const value = Number(raw);
      if (
        !Number.isFinite(value) ||
        value < min ||
        value <= above ||
        value > max ||
        (whole && !Number.isInteger(value))
      ) {
        ctx.addIssue({ code: 'custom', message: expected });
        return z.NEVER;
      }
      return value;
    });
};

/** An absolute URL with one of `protocols`. */
const url = (protocols: string[]) =>
  z
    .string()
    .optional()
    .refine(
      (raw) => {
        if (raw === undefined) return true;
        try {
          return protocols.includes(new URL(raw).protocol);
        } catch {
          return false;
        }
      },
      { message: `expected a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
    );

/** Comma-separated, trimmed, empty entries dropped. */
const list = () =>
  z
    .string()
    .optional()
    .transform((raw) =>
      (raw ?? '')
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    );

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const schema = z.object({
  // The process
  NODE_ENV: optionalText(),
  PORT: number({ fallback: 3000, min: 0, max: 65535, whole: true }),
  HOST: optionalText(),
  LOG_LEVEL: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = (raw ?? 'info').trim().toLowerCase();
      if ((LOG_LEVELS as readonly string[]).includes(value)) return value as LogLevel;
      ctx.addIssue({ code: 'custom', message: `expected one of ${LOG_LEVELS.join(', ')}` });
      return z.NEVER;
    }),
  WARROOM_DATA_DIR: z.string().default('.data'),
  // The database
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  DB_POOL_SIZE: number({ fallback: 10, min: 1, whole: true }),
  MIGRATE_ON_START: flag(true),
  // Sign-in, sessions and the audit chain
  BETTER_AUTH_SECRET: optionalText(),
  BETTER_AUTH_URL: url(['http:', 'https:']),
  TRUSTED_ORIGINS: list(),
  AUDIT_KEY: optionalText(),
  AUDIT_KEY_PREVIOUS: list(),
  WARROOM_ADMIN_TOKEN: optionalText(),
  ALLOW_SIGN_UP: flag(false),
  ALLOWED_EMAIL_DOMAINS: optionalText(),
  PASSWORD_SIGN_IN: flag(true),
  SIGNOFF_REAUTH_MIN: number({ fallback: 15, min: 0 }),
  AUTH_RATE_LIMIT: onOff(true),
  // Single sign-on: lib/domain/sso.ts reads these together and reports a bad combination on the sign-in page
  OIDC_ISSUER: optionalText(),
  OIDC_CLIENT_ID: optionalText(),
  OIDC_CLIENT_SECRET: optionalText(),
  OIDC_NAME: optionalText(),
  OIDC_SCOPES: optionalText(),
  OIDC_ADMIN_GROUP: optionalText(),
  OIDC_GROUPS_CLAIM: optionalText(),
  // The front door
  TRUST_PROXY: flag(false),
  HSTS: flag(false),
  WRITE_RATE_LIMIT: number({ fallback: 600, min: 0, off: true }),
  // Calls to a CI check's secret URL per client address per minute, right secrets or wrong
  CI_CALLBACK_RATE_LIMIT: number({ fallback: 60, min: 0, off: true }),
  METRICS_TOKEN: optionalText(),
  // CPU-heavy requests (lib/server/cpu-pool): worker threads, and how many tasks may wait for one
  CPU_POOL_THREADS: number({ fallback: Math.max(1, os.availableParallelism() - 1), min: 1, max: 64, whole: true }),
  CPU_POOL_QUEUE: number({ fallback: 8, min: 0, max: 1000, whole: true }),
  // Loads the hot routes right after start (lib/server/warm-up.ts); `false` to measure a cold start
  WARM_UP: flag(true),
  // Live updates and several processes
  REDIS_URL: url(['redis:', 'rediss:']),
  // What this installation's Redis keys and channels begin with (lib/server/redis-namespace.ts)
  REDIS_PREFIX: z
    .string()
    .regex(/^[\w.:/-]{1,100}$/, 'expected up to 100 letters, digits and . _ : / -')
    .optional(),
  SOCKET_RECHECK_MS: number({ fallback: 5000, above: 0 }),
  PUBLIC_STATUS_INTERVAL_MS: number({ fallback: 500, min: 0 }),
  LEADER_ELECTION: onOff(true),
  LEADER_RETRY_MS: number({ fallback: 2000, above: 0 }),
  // Outbound requests and webhooks (lib/domain/egress.ts parses OUTBOUND_ALLOW's entries and logs the ones it ignores)
  OUTBOUND_ALLOW: optionalText(),
  WEBHOOK_ALLOW_PRIVATE: flag(false),
  WEBHOOK_BACKOFF_MS: number({ fallback: 5000, min: 0 }),
  WEBHOOK_MAX_ATTEMPTS: number({ fallback: 5, min: 1, whole: true }),
  WEBHOOK_TIMEOUT_MS: number({ fallback: 5000, above: 0 }),
  WEBHOOK_POLL_MS: number({ fallback: 1000, above: 0 }),
  WEBHOOK_RETENTION_DAYS: number({ fallback: 30, above: 0 }),
  // Email to status-page subscribers (lib/server/status-mail). SMTP is operator configuration and,
  // unlike HTTP, does not go through the egress guard: the operator names the one relay on purpose.
  SMTP_URL: url(['smtp:', 'smtps:']),
  MAIL_FROM: optionalText(),
  STATUS_REMINDER_MIN: number({ fallback: 60, min: 0 }),
  STATUS_MAIL_BUNDLE_MS: number({ fallback: 60_000, min: 0 }),
  // Metrics
  METRICS_RAW_RETENTION_DAYS: number({ fallback: 14, above: 0 }),
  METRICS_HEALTH_TICK_MS: number({ fallback: 5000, above: 0 }),
  METRICS_RETENTION_TICK_MS: number({ fallback: 3_600_000, above: 0 }),
});

export type Env = z.output<typeof schema>;

/** The names of every variable read, in the order above (the README test walks them). */
export const ENV_VARIABLES = Object.keys(schema.shape) as (keyof Env)[];

/** A configuration the server must not start with; its message has one line per bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Configuration error (see the README's Configuration table):\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses `source` (process.env by default); throws ConfigError naming every bad variable. */
export function parseEnv(source: Source = process.env): Env {
  const input: Source = {};
  for (const name of ENV_VARIABLES) {
    const raw = source[name];
    input[name] = raw === undefined || raw.trim() === '' ? undefined : raw;
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(result.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`));
}

// DATABASE_URL is the one variable a process changes under itself: server.ts points it at the
// embedded database, and test and benchmark harnesses point it at database after database. The
// parsed values are kept until it changes (one environment read per call, as before).
let cached: { databaseUrl: string | undefined; value: Env } | null = null;

/** The parsed configuration of this process. */
export function env(): Env {
  const databaseUrl = process.env.DATABASE_URL;
  if (!cached || cached.databaseUrl !== databaseUrl) cached = { databaseUrl, value: parseEnv(process.env) };
  return cached.value;
}

/** Forget the parsed values: after server.ts settles its defaults into process.env, and in tests. */
export function resetEnv(): void {
  cached = null;
}
