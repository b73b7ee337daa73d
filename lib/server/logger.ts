/** Structured JSON logs, one line each. Never pass secrets (tokens, passwords, cookies) here. */
type Fields = Record<string, unknown>;

const REDACT = /(password|secret|token|cookie|authorization)/i;

function clean(fields: Fields): Fields {
  const out: Fields = {};
  for (const [key, value] of Object.entries(fields)) out[key] = REDACT.test(key) ? '[redacted]' : value;
  return out;
}

function write(level: 'info' | 'warn' | 'error', msg: string, fields: Fields = {}) {
  if (process.env.LOG_LEVEL === 'silent') return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg, ...clean(fields) });
  if (level === 'error') console.error(line);
  else console.log(line);
}

export const logger = {
  info: (msg: string, fields?: Fields) => write('info', msg, fields),
  warn: (msg: string, fields?: Fields) => write('warn', msg, fields),
  error: (msg: string, fields?: Fields) => write('error', msg, fields),
};
