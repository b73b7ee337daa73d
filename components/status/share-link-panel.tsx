'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { useToast } from '@/components/ui/toast';
import { useCan } from '@/components/war-room/use-can';
import { useWarRoom } from '@/components/war-room/war-room-context';
import { formatUtc } from '@/lib/domain/clock';
import { followUrls } from './follow-links';
import { useShareLinks, type CreatedShareLink } from './use-status-actions';

/** The IC's "Share status link": create (the link is shown once), copy, revoke. */
export function ShareLinkPanel() {
  const { deployment } = useWarRoom();
  const toast = useToast();
  const [showNames, setShowNames] = useState(false);
  const [created, setCreated] = useState<CreatedShareLink | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const allowed = useCan()('sharelink.manage');
  const { links, create, revoke } = useShareLinks(deployment.id, allowed, {
    created: setCreated,
    revoked: (id) => {
      if (created?.id === id) setCreated(null);
      setConfirming(null);
      toast.info('Link revoked: the page is gone and its watchers were disconnected.');
    },
  });
  if (!allowed) return null;
  const active = (links ?? []).filter((l) => !l.revokedAt);
  const absolute = created && typeof window !== 'undefined' ? `${window.location.origin}${created.url}` : created?.url;

  return (
    <section aria-labelledby="share-title" data-testid="share-links">
      <h2 id="share-title" className="mb-2 text-lg font-semibold">
        Share status link
      </h2>
      <p className="mb-2 text-xs text-faint">
        A read-only public page: state, phase, progress, health, decisions and your updates. No notes, commands or names
        unless you choose.
      </p>
      {created ? (
        <div className="mb-2 rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm dark:border-emerald-800 dark:bg-emerald-950">
          <p className="font-medium">Copy it now — it is shown only once.</p>
          <div className="mt-1 flex items-center gap-2">
            <input
              readOnly
              value={absolute}
              aria-label="New status link"
              data-testid="share-link-url"
              className="min-w-0 flex-1 rounded border border-line-strong bg-surface px-2 py-1 font-mono text-xs"
              onFocus={(e) => e.currentTarget.select()}
            />
            <CopyButton text={absolute ?? ''} />
          </div>
          <FollowUrlList statusPath={created.url} />
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <label className="inline-flex items-center gap-1.5 text-sm">
          <input type="checkbox" checked={showNames} onChange={(e) => setShowNames(e.target.checked)} />
          Show names
        </label>
        <Button onClick={() => create.mutate(showNames)} disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create link'}
        </Button>
      </div>
      {active.length ? (
        <ul className="mt-3 flex flex-col gap-1.5 text-sm">
          {active.map((link) => (
            <li key={link.id} className="flex items-center gap-2">
              <span className="tabular min-w-0 flex-1 truncate text-muted">
                {formatUtc(new Date(link.createdAt))}
                {link.createdBy ? ` · ${link.createdBy}` : ''}
                {link.showNames ? ' · names shown' : ''}
              </span>
              {confirming === link.id ? (
                <Button
                  variant="danger"
                  onClick={() => revoke.mutate(link.id)}
                  disabled={revoke.isPending}
                  aria-label="Confirm revoking this link"
                >
                  Confirm revoke
                </Button>
              ) : (
                <Button variant="ghost" onClick={() => setConfirming(link.id)}>
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Beside a new link: its feed, calendar, badge and wall, which die with it. */
function FollowUrlList({ statusPath }: { statusPath: string }) {
  const urls = followUrls(statusPath);
  const items = [
    { href: urls.feed, label: 'Atom feed' },
    { href: urls.calendar, label: 'Calendar (.ics)' },
    { href: urls.badge, label: 'Badge (SVG)' },
    { href: urls.wall, label: 'Wall' },
  ];
  return (
    <p className="mt-1.5 text-xs text-muted" data-testid="share-link-follow">
      Also for this link:{' '}
      {items.map((item, i) => (
        <span key={item.href}>
          {i > 0 ? ' · ' : ''}
          <a className="text-link underline" href={item.href} target="_blank" rel="noreferrer">
            {item.label}
          </a>
        </span>
      ))}
    </p>
  );
}
