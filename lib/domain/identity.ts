/**
 * Evidence of identity behind a decision (issue 14): how the person authenticated, when, from
 * where. Every sign-off and override records it, and the report prints it.
 */
export type IdentityEvidence =
  | { method: 'password'; at: string | null; ip: string | null; userAgent: string | null }
  | { method: 'sso'; issuer: string; subject: string; at: string | null; ip: string | null; userAgent: string | null }
  | { method: 'token'; tokenId: string; tokenName: string; at: null; ip: string | null; userAgent: string | null };

export const DEFAULT_REAUTH_MINUTES = 15;

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
