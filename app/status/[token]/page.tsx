import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { PublicStatusView } from '@/components/status/public-status-view';
import { findActiveShareLink } from '@/lib/server/share-links/share-token';
import { getPublicStatus } from '@/lib/server/status/public-status-cache';
import { mailEnabled } from '@/lib/server/status-mail/transport';

export const dynamic = 'force-dynamic';

// The token is in the URL: keep the page out of search engines and out of Referer headers.
export const metadata: Metadata = {
  title: 'Go-live status',
  robots: { index: false, follow: false },
  referrer: 'no-referrer',
};

/** Public, no sign-in: the share token is the only key, and a revoked one is a 404 at once. */
export default async function PublicStatusPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findActiveShareLink(token);
  const status = link ? await getPublicStatus(link.deploymentId, link.showNames) : null;
  if (!status) notFound();
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900" style={{ colorScheme: 'light' }}>
      {/* Feed readers find the feed from the page itself (React puts the link in <head>). */}
      <link
        rel="alternate"
        type="application/atom+xml"
        title="Go-live status updates"
        href={`/status/${token}/feed.atom`}
      />
      <PublicStatusView token={token} initial={status} mailEnabled={mailEnabled()} />
    </div>
  );
}
