/**
 * The one typed error of the app. Commands throw it; route handlers and socket handlers turn it
 * into `{ error: { code, message } }` with the status from HTTP_STATUS — the only such table.
 */
export const HTTP_STATUS = {
  unauthenticated: 401,
  forbidden: 403,
  // An API token without the scope the action needs (e.g. gates:sign).
  missing_scope: 403,
  // Step-up before a go / no-go decision (lib/server/auth/step-up.ts).
  reauth_required: 403,
  invalid_password: 403,
  not_found: 404,
  // A template version that does not exist (lib/server/templates/versions.ts).
  unknown_version: 404,
  // A query parameter that is missing or malformed (e.g. ?from= on a template diff).
  invalid_query: 400,
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
  // Evidence with neither pasted text nor a link (lib/server/checklist/attach-evidence.ts).
  evidence_required: 422,
  role_required: 422,
  // Reassigning a step to a role the deployment does not have.
  unknown_role: 422,
  // The egress guard (lib/server/egress): a URL the server may not connect to.
  outbound_refused: 422,
  // Gates and the go-live lifecycle (lib/server/gates, lib/server/lifecycle).
  already_signed: 409,
  already_withdrawn: 409,
  level_required: 422,
  comment_required: 422,
  role_not_required: 422,
  // Accounts (lib/server/auth, lib/server/users): who may sign up, sign in, grant admin rights.
  sign_up_closed: 403,
  email_domain_not_allowed: 403,
  admin_needs_browser: 403,
  demo_account_remote: 403,
  account_deactivated: 403,
  cannot_deactivate_self: 409,
  invitation_used: 410,
  invitation_expired: 410,
  invitation_revoked: 410,
  // Distinct people per gate (issue 14): a second role by the same person, an IC overriding their own gate.
  same_signer: 422,
  self_override: 403,
  // Redlines (lib/server/redlines): the step is gone from the newest version; already accepted or rejected.
  redline_conflict: 409,
  redline_resolved: 409,
  // A status-page subscription (lib/server/status-mail) for something that is not an email address.
  invalid_email: 422,
  // A path or query holding a NUL (lib/server/http/front-door.ts): it names nothing.
  invalid_url: 400,
  rate_limited: 429,
  db_unavailable: 503,
  // The CPU pool's bounded queue is full (lib/server/cpu-pool): retry after Retry-After seconds.
  busy: 503,
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
  if (
    (code && DB_DOWN_CODES.has(code)) ||
    /ECONNREFUSED|Connection terminated|connect ECONN|terminating connection|Can't reach database/i.test(text)
  ) {
    return new AppError('db_unavailable', 'The database is unreachable right now; retry in a moment.');
  }
  return new AppError('internal', 'Something went wrong on our side; it has been logged.');
}

export function errorBody(error: AppError) {
  return { error: { code: error.code, message: error.message, ...(error.details ?? {}) } };
}
