'use client';

import { useNow } from '@/lib/client/use-now';
import type { PublicStatus } from '@/lib/domain/public-status';
import { usePublicStatus } from '@/lib/realtime/client/use-public-status';
import { WallView } from './wall-view';

/** The wall behind a share link: the status page's live snapshot, drawn for a TV. */
export function PublicWall({ token, initial }: { token: string; initial: PublicStatus }) {
  const { status, live } = usePublicStatus(token, initial);
  const now = useNow();
  return <WallView status={status} now={now} connection={live} />;
}
