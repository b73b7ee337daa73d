/** Structured JSON logs, one line each. Never pass secrets (tokens, passwords, cookies) here. */
import { env, type LogLevel } from '@/lib/server/env';

type Fields = Record<string, unknown>;

const REDACT = /(password|secret|token|cookie|authorization)/i;

function clean(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) out[key] = REDACT.test(key) ? '[redacted]' : value;
  return out;
}

type Level = Exclude<LogLevel, 'silent'>;

// LOG_LEVEL writes its own level and the ones above it; `silent` writes nothing.
const RANK: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, silent: 4 };

function write(level: Level, msg: string, fields: Fields = {}) {
  if (RANK[level] < RANK[env().LOG_LEVEL]) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg, ...clean(fields) });
  if (level === 'error') console.error(line);
  else console.log(line);
}

export const logger = {
  debug: (msg: string, fields?: Fields) => write('debug', msg, fields),
  info: (msg: string, fields?: Fields) => write('info', msg, fields),
  warn: (msg: string, fields?: Fields) => write('warn', msg, fields),
  error: (msg: string, fields?: Fields) => write('error', msg, fields),
};
