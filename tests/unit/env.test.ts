import os from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, env, parseEnv, resetEnv } from '@/lib/server/env';

function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseEnv', () => {
  it('gives the documented defaults when nothing is set', () => {
    const config = parseEnv({});
    expect(config).toMatchObject({
      PORT: 3000,
      LOG_LEVEL: 'info',
      WARROOM_DATA_DIR: '.data',
      DB_POOL_SIZE: 10,
      MIGRATE_ON_START: true,
      ALLOW_SIGN_UP: false,
      PASSWORD_SIGN_IN: true,
      SIGNOFF_REAUTH_MIN: 15,
      AUTH_RATE_LIMIT: true,
      TRUST_PROXY: false,
      HSTS: false,
      WRITE_RATE_LIMIT: 600,
      CI_CALLBACK_RATE_LIMIT: 60,
      TRUSTED_ORIGINS: [],
      SOCKET_RECHECK_MS: 5000,
      PUBLIC_STATUS_INTERVAL_MS: 500,
      LEADER_ELECTION: true,
      LEADER_RETRY_MS: 2000,
      WEBHOOK_ALLOW_PRIVATE: false,
      WEBHOOK_BACKOFF_MS: 5000,
      WEBHOOK_MAX_ATTEMPTS: 5,
      WEBHOOK_TIMEOUT_MS: 5000,
      WEBHOOK_POLL_MS: 1000,
      WEBHOOK_RETENTION_DAYS: 30,
      METRICS_RAW_RETENTION_DAYS: 14,
      METRICS_HEALTH_TICK_MS: 5000,
      METRICS_RETENTION_TICK_MS: 3_600_000,
      CPU_POOL_THREADS: Math.max(1, os.availableParallelism() - 1),
      CPU_POOL_QUEUE: 8,
      WARM_UP: true,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
  });

  it('reads the values operators write, and a blank value as unset', () => {
    const config = parseEnv({
      PORT: '8080',
      LOG_LEVEL: 'warn',
      ALLOW_SIGN_UP: 'TRUE',
      PASSWORD_SIGN_IN: 'false',
      AUTH_RATE_LIMIT: 'off',
      WRITE_RATE_LIMIT: 'off',
      LEADER_ELECTION: 'off',
      SIGNOFF_REAUTH_MIN: '0',
      TRUSTED_ORIGINS: ' https://a.example , ,https://b.example',
      DATABASE_URL: 'postgresql://u:p@db:5432/warroom',
      REDIS_URL: 'redis://127.0.0.1:6379',
      REDIS_PREFIX: 'warroom:staging',
      HOST: '',
      DB_POOL_SIZE: '  ',
      CPU_POOL_THREADS: '3',
      CPU_POOL_QUEUE: '0',
      WARM_UP: 'false',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      LOG_LEVEL: 'warn',
      ALLOW_SIGN_UP: true,
      PASSWORD_SIGN_IN: false,
      AUTH_RATE_LIMIT: false,
      WRITE_RATE_LIMIT: 0,
      LEADER_ELECTION: false,
      SIGNOFF_REAUTH_MIN: 0,
      DB_POOL_SIZE: 10,
      CPU_POOL_THREADS: 3,
      CPU_POOL_QUEUE: 0,
      WARM_UP: false,
    });
    expect(config.TRUSTED_ORIGINS).toEqual(['https://a.example', 'https://b.example']);
    expect(config.REDIS_PREFIX).toBe('warroom:staging');
    expect(config.HOST).toBeUndefined();
  });

  it('names each bad variable and what it expects, and never echoes the value', () => {
    const problems = problemsOf({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      HSTS: 'yes',
      DATABASE_URL: 'mysql://root:hunter2@db/x',
      WEBHOOK_MAX_ATTEMPTS: '2.5',
      LEADER_RETRY_MS: '0',
      CPU_POOL_THREADS: '0',
      CPU_POOL_QUEUE: 'lots',
      REDIS_PREFIX: 'two words',
    });
    expect(problems).toEqual([
      'PORT: expected a whole number from 0 to 65535',
      'LOG_LEVEL: expected one of debug, info, warn, error, silent',
      'DATABASE_URL: expected a URL starting with postgres:// or postgresql://',
      'HSTS: expected true or false',
      'CPU_POOL_THREADS: expected a whole number from 1 to 64',
      'CPU_POOL_QUEUE: expected a whole number from 0 to 1000',
      'REDIS_PREFIX: expected up to 100 letters, digits and . _ : / -',
      'LEADER_RETRY_MS: expected a number above 0',
      'WEBHOOK_MAX_ATTEMPTS: expected a whole number 1 or more',
    ]);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://root:hunter2@db/x' })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ DATABASE_URL: 'mysql://root:hunter2@db/x' })).not.toThrow(/hunter2/);
  });
});

describe('env()', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
    resetEnv();
  });

  it('keeps its parse until reset, and parses afresh when DATABASE_URL is repointed', () => {
    process.env.WEBHOOK_POLL_MS = '250';
    resetEnv();
    expect(env().WEBHOOK_POLL_MS).toBe(250);
    process.env.WEBHOOK_POLL_MS = '300';
    expect(env().WEBHOOK_POLL_MS).toBe(250);
    process.env.DATABASE_URL = 'postgresql://127.0.0.1:1/elsewhere';
    expect(env()).toMatchObject({ WEBHOOK_POLL_MS: 300, DATABASE_URL: 'postgresql://127.0.0.1:1/elsewhere' });
    process.env.WEBHOOK_POLL_MS = '400';
    resetEnv();
    expect(env().WEBHOOK_POLL_MS).toBe(400);
  });
});
