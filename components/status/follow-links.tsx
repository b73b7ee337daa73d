'use client';

import { useSyncExternalStore } from 'react';
import { CopyButton } from '@/components/ui/copy-button';

export type FollowUrls = { feed: string; calendar: string; badge: string; wall: string };

/** The feed, calendar, badge and wall addresses of a status link (relative to the site). */
export function followUrls(statusPath: string): FollowUrls {
  return {
    feed: `${statusPath}/feed.atom`,
    calendar: `${statusPath}/event.ics`,
    badge: `${statusPath}/badge.svg`,
    wall: `${statusPath}/wall`,
  };
}

const noSubscribe = () => () => {};

/** The page's origin in the browser; empty while rendering on the server (no hydration mismatch). */
export function useOrigin(): string {
  return useSyncExternalStore(
    noSubscribe,
    () => window.location.origin,
    () => '',
  );
}

/** The Markdown a wiki or README pastes to show the badge, linking back to the page. */
export function badgeMarkdown(origin: string, statusPath: string): string {
  return `[![Go-live status](${origin}${followUrls(statusPath).badge})](${origin}${statusPath})`;
}

/** "Follow this go-live" on the public page: a feed, a calendar entry and a badge to embed. */
export function FollowLinks({ token }: { token: string }) {
  const origin = useOrigin();
  const path = `/status/${token}`;
  const urls = followUrls(path);
  const snippet = badgeMarkdown(origin, path);
  const link = 'font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950';
  return (
    <div className="flex flex-col gap-4 text-lg" data-testid="public-follow">
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        <li>
          <a className={link} href={urls.feed} type="application/atom+xml" rel="noreferrer">
            Atom feed
          </a>
          <span className="text-base text-slate-600"> · updates in your feed reader</span>
        </li>
        <li>
          <a className={link} href={urls.calendar} type="text/calendar" rel="noreferrer">
            Add to calendar
          </a>
          <span className="text-base text-slate-600"> · moves when the go-live moves</span>
        </li>
        <li>
          <a className={link} href={urls.wall} rel="noreferrer">
            Wall
          </a>
          <span className="text-base text-slate-600"> · this page for a TV screen</span>
        </li>
      </ul>
      <div>
        <p className="text-base text-slate-600">Badge for a wiki or README</p>
        {/* eslint-disable-next-line @next/next/no-img-element -- an SVG the server draws; nothing to optimise */}
        <img src={urls.badge} alt="Go-live status badge" height={20} className="mt-1 h-5 w-auto" />
        <div className="mt-2 flex items-center gap-2">
          <input
            readOnly
            value={snippet}
            aria-label="Badge Markdown"
            data-testid="badge-snippet"
            className="min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs"
            onFocus={(e) => e.currentTarget.select()}
          />
          <CopyButton text={snippet} label="Copy badge" />
        </div>
      </div>
    </div>
  );
}
