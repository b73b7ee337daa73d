import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PublicWall } from '@/components/wall/public-wall';
import { findActiveShareLink } from '@/lib/server/share-links/share-token';
import { getPublicStatus } from '@/lib/server/status/public-status-cache';

export const dynamic = 'force-dynamic';

export const metadata: Metadata = {
  title: 'Go-live wall',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

/** The public wall: what the status page shows, on one dark screen; the share token is the only key. */
export default async function PublicWallPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findActiveShareLink(token);
  const status = link ? await getPublicStatus(link.deploymentId, link.showNames) : null;
  if (!status) notFound();
  return <PublicWall token={token} initial={status} />;
}
