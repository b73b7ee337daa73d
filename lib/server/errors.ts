/**
 * The one typed error of the app. Commands throw it; route handlers and socket handlers turn it
 * into `{ error: { code, message } }` with the status from HTTP_STATUS — the only such table.
 */
export const HTTP_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_body: 422,
  invalid_runbook: 422,
  payload_too_large: 413,
  // A JSON route sent a body that does not say it is JSON (a cross-site form would not).
  unsupported_media_type: 415,
  conflict: 409,
  stale_version: 409,
  illegal_transition: 409,
  gate_closed: 409,
  in_use: 409,
  already_exists: 409,
  reason_required: 422,
  note_required: 422,
  role_required: 422,
  // The egress guard (lib/server/egress): a URL the server may not connect to.
  outbound_refused: 422,
  // Gates and the go-live lifecycle (lib/server/gates, lib/server/lifecycle).
  already_signed: 409,
  already_withdrawn: 409,
  level_required: 422,
  comment_required: 422,
  role_not_required: 422,
  rate_limited: 429,
  db_unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof HTTP_STATUS;

export class AppError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    /** Extra machine-readable detail, e.g. the current item on a stale write. */
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof Error && (error as AppError).name === 'AppError' && 'code' in error;
}

const DB_DOWN_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', '57P01', '57P03', 'P1001', 'P1017', 'P2024']);

/** Maps anything thrown to an AppError: database outages become 503, the unknown stays a 500. */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  const text = error instanceof Error ? `${error.message} ${(error as { code?: string }).code ?? ''}` : String(error);
  const code = (error as { code?: string })?.code;
  if ((code && DB_DOWN_CODES.has(code)) || /ECONNREFUSED|Connection terminated|connect ECONN|terminating connection|Can't reach database/i.test(text)) {
    return new AppError('db_unavailable', 'The database is unreachable right now; retry in a moment.');
  }
  return new AppError('internal', 'Something went wrong on our side; it has been logged.');
}

export function errorBody(error: AppError) {
  return { error: { code: error.code, message: error.message, ...(error.details ?? {}) } };
}
