import { csvLines } from './csv';

/**
 * The account history: who made, invited, deactivated or promoted whom, and who pointed a global
 * webhook (every deployment's events) somewhere. These changes belong to no war room, so they are
 * not on any deployment's timeline; an auditor asking "who could sign off that night, and who let
 * them" reads them here.
 */
export const ACCOUNT_EVENT_TYPES = [
  'account.created',
  'account.deactivated',
  'account.reactivated',
  'account.admin_granted',
  'account.admin_revoked',
  'invitation.created',
  'invitation.revoked',
  'invitation.accepted',
  'token.created',
  'token.revoked',
  'global_webhook.created',
  'global_webhook.deleted',
  'global_webhook.paused',
  'global_webhook.resumed',
  'audit_key.changed',
] as const;

export type AccountEventType = (typeof ACCOUNT_EVENT_TYPES)[number];

/** How an account came to be (payload `via` of `account.created`). */
export type AccountCreatedVia = 'admin' | 'sign-up' | 'sso';

/** What a line may carry beside its type. `via: 'cli'`: an API token made by `npm run token:create`. */
export type AccountEventPayload = {
  isAdmin?: boolean;
  via?: AccountCreatedVia | 'cli';
  reason?: string;
  tokenName?: string;
  prefix?: string;
  scopes?: string[];
  deploymentId?: string | null;
  /** Global webhooks: the event types it hears. */
  eventTypes?: string[];
};

/** The history's page size, and the most one request may ask for. */
export const ACCOUNT_EVENTS_PAGE = 50;
export const ACCOUNT_EVENTS_MAX = 200;

/** One line of the history, as the admin reads it: "<actor> <what> <subject>". */
export function accountEventLabel(type: AccountEventType, payload: AccountEventPayload = {}): string {
  const admin = payload.isAdmin ? ' (admin)' : '';
  switch (type) {
    case 'account.created':
      if (payload.via === 'sign-up') return `signed up${admin}`;
      if (payload.via === 'sso') return `signed in with SSO for the first time${admin}`;
      return `created the account${admin}`;
    case 'account.deactivated':
      return 'deactivated';
    case 'account.reactivated':
      return 'reactivated';
    case 'account.admin_granted':
      return 'made admin';
    case 'account.admin_revoked':
      return 'removed admin rights from';
    case 'invitation.created':
      return `invited${admin}`;
    case 'invitation.revoked':
      return 'revoked the invitation of';
    case 'invitation.accepted':
      return `accepted the invitation${admin}`;
    case 'token.created':
      return `created API token “${payload.tokenName}” (${tokenReach(payload)})${payload.via === 'cli' ? ' for' : ''}`;
    case 'token.revoked':
      return `revoked API token “${payload.tokenName}”`;
    case 'global_webhook.created':
      return 'added a global webhook (every deployment) to';
    case 'global_webhook.deleted':
      return 'deleted the global webhook to';
    case 'global_webhook.paused':
      return 'paused the global webhook to';
    case 'global_webhook.resumed':
      return 'resumed the global webhook to';
    case 'audit_key.changed':
      return 'began hashing the record with';
  }
}

/** A token's scopes, and the one deployment it is limited to if any. */
function tokenReach(payload: AccountEventPayload): string {
  const scopes = (payload.scopes ?? []).join(', ');
  return payload.deploymentId ? `${scopes}; one deployment` : scopes;
}

/**
 * Whether the subject is the actor themselves (a sign-up, an accepted invitation, one's own token):
 * the line then reads without it.
 */
export function accountEventIsOwn(type: AccountEventType, payload: AccountEventPayload = {}): boolean {
  if (type === 'invitation.accepted' || type === 'token.revoked') return true;
  if (type === 'account.created') return payload.via !== 'admin';
  if (type === 'token.created') return payload.via !== 'cli';
  return false;
}

/** A line of the history as the export reads it (AccountEventDto has these and its id). */
type ExportedLine = {
  at: string;
  actorName: string;
  actorId: string | null;
  type: AccountEventType;
  subject: string;
  subjectId: string | null;
  payload: AccountEventPayload;
  hash: string;
};

/**
 * The history as a spreadsheet for an auditor, oldest first: when, who, what (the sentence the
 * page shows, and the machine type), whom, the rest of the line as JSON, and its hash in the
 * history's chain: a copy the database's owner cannot change, to compare with `audit:verify`.
 */
export function accountHistoryCsv(lines: readonly ExportedLine[]): string {
  return csvLines([
    ['at', 'actor', 'actor_id', 'action', 'type', 'subject', 'subject_id', 'details', 'hash'],
    ...lines.map((line) => [
      line.at,
      line.actorName,
      line.actorId,
      accountEventLabel(line.type, line.payload),
      line.type,
      line.subject,
      line.subjectId,
      JSON.stringify(line.payload),
      line.hash,
    ]),
  ]);
}
