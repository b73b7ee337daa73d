/**
 * Evidence of identity behind a decision (issue 14): how the person authenticated, when, from
 * where. Every sign-off and override records it, and the report prints it.
 */
export type IdentityEvidence =
  | { method: 'password'; at: string | null; ip: string | null; userAgent: string | null }
  | { method: 'sso'; issuer: string; subject: string; at: string | null; ip: string | null; userAgent: string | null }
  | { method: 'token'; tokenId: string; tokenName: string; at: null; ip: string | null; userAgent: string | null };

export const DEFAULT_REAUTH_MINUTES = 15;

/**
 * Who is reading evidence: the IP address and user agent behind a decision are for the IC and
 * admins (`identity.read`) and for the person who decided; everyone else in the room sees how
 * and when they authenticated, not from where.
 */
export type EvidenceViewer = { userId: string | null; seesNetwork: boolean };

export function evidenceFor<T extends Partial<IdentityEvidence>>(
  viewer: EvidenceViewer,
  signerId: string | null,
  evidence: T,
): T {
  if (viewer.seesNetwork || (signerId !== null && signerId === viewer.userId)) return evidence;
  const { ip: _ip, userAgent: _userAgent, ...rest } = evidence;
  return rest as T;
}

/** The same for a timeline event whose data carries `identity` (gate.signed, gate.overridden). */
export function eventFor<E extends { actorId: string | null; data: Record<string, unknown> }>(
  viewer: EvidenceViewer,
  event: E,
): E {
  const identity = event.data.identity;
  if (!identity || typeof identity !== 'object') return event;
  const shown = evidenceFor(viewer, event.actorId, identity as Partial<IdentityEvidence>);
  return shown === identity ? event : { ...event, data: { ...event.data, identity: shown } };
}

/** Whoever is in a socket.io room: nobody in particular, so no network evidence. */
export const ROOM_VIEWER: EvidenceViewer = { userId: null, seesNetwork: false };

/** SIGNOFF_REAUTH_MIN as minutes; anything unreadable or negative falls back to the default. */
export function reauthMinutes(raw: string | undefined): number {
  const value = raw === undefined || raw.trim() === '' ? NaN : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_REAUTH_MINUTES;
}

/** A browser session must have proven who it is within the window before a go / no-go decision. */
export function needsReauth(authenticatedAt: Date, now: Date, maxMinutes: number): boolean {
  return now.getTime() - authenticatedAt.getTime() > maxMinutes * 60_000;
}

/** One short line for tables: "password at 19:02Z from 10.0.0.7 (Firefox…)". */
export function describeIdentity(evidence: Partial<IdentityEvidence> | null | undefined): string {
  if (!evidence?.method) return 'not recorded';
  const how =
    evidence.method === 'token'
      ? `API token ${'tokenName' in evidence ? `“${evidence.tokenName}”` : ''} (${'tokenId' in evidence ? evidence.tokenId : '?'})`
      : evidence.method === 'sso'
        ? `SSO ${'issuer' in evidence ? evidence.issuer : ''} as ${'subject' in evidence ? evidence.subject : ''}`
        : 'password';
  const at = evidence.at ? ` at ${evidence.at.slice(11, 16)}Z` : '';
  const from = evidence.ip ? ` from ${evidence.ip}` : '';
  const agent = evidence.userAgent ? ` (${evidence.userAgent.slice(0, 40)})` : '';
  return `${how}${at}${from}${agent}`;
}
