import type { PublicStatus } from '@/lib/domain/public-status';

/**
 * The public status page's socket.io namespace. It shares the engine (and its Origin check) with
 * the war room, but not its rooms or events: a share token joins one deployment's public room
 * and receives only the sanitised snapshot, never timeline events.
 */
export const PUBLIC_NAMESPACE = '/public';

export interface PublicServerToClientEvents {
  /** The whole outsider-safe snapshot: small, idempotent, and never out of order for long. */
  'status:update': (status: PublicStatus) => void;
}

export type PublicClientToServerEvents = Record<string, never>;

export const publicRoom = (deploymentId: string, showNames: boolean) =>
  `public:${deploymentId}:${showNames ? 'names' : 'anon'}`;
/** The deployment and variant a public room serves, or null for any other room. */
export function parsePublicRoom(room: string): { deploymentId: string; showNames: boolean } | null {
  const match = /^public:(.+):(names|anon)$/.exec(room);
  return match ? { deploymentId: match[1], showNames: match[2] === 'names' } : null;
}
export const shareLinkRoom = (linkId: string) => `share:${linkId}`;
