/** React Query key factories, one per feature. */
import type { DeploymentListQuery } from '@/lib/contracts/deployments';
import type { AccountShow } from '@/lib/domain/account-list';
import type { TemplateShow } from '@/lib/domain/template-list';

export const deploymentKeys = {
  all: ['deployments'] as const,
  list: () => [...deploymentKeys.all, 'list'] as const,
  /** One search or page of the Deployments list (read again when a war room on it changes). */
  listOf: ({ q, kind, finishedOffset }: DeploymentListQuery) =>
    [...deploymentKeys.list(), q, kind, finishedOffset] as const,
  detail: (id: string) => [...deploymentKeys.all, 'detail', id] as const,
  events: (id: string) => [...deploymentKeys.all, 'events', id] as const,
  /** The whole event log of one deployment, for the timeline page (the live `events` cache keeps the newest). */
  history: (id: string) => [...deploymentKeys.all, 'history', id] as const,
  /** Pending invitations into this deployment's roles (the IC's People panel). */
  invitations: (id: string) => [...deploymentKeys.all, 'invitations', id] as const,
  /** One piece of evidence with its whole text, by its `href` (the state carries 2 KB of it). */
  evidence: (href: string) => [...deploymentKeys.all, 'evidence', href] as const,
  /** An item's check's last runs; keyed by its newest run, so a new run (live) is a new fetch. */
  checkRuns: (id: string, itemId: string, lastRunAt: string | null) =>
    [...deploymentKeys.all, 'check-runs', id, itemId, lastRunAt ?? 'none'] as const,
  /** The war-room wall's snapshot (refetched when the room's event counter moves). */
  wall: (id: string) => [...deploymentKeys.all, 'wall', id] as const,
  /** The server's check of the room's audit chain, run when asked for. */
  recordCheck: (id: string) => [...deploymentKeys.all, 'record-check', id] as const,
};

export const tokenKeys = {
  all: ['tokens'] as const,
};

export const metricKeys = {
  all: (deploymentId: string) => ['metrics', deploymentId] as const,
  series: (deploymentId: string, range: 'live' | 'all') => [...metricKeys.all(deploymentId), 'series', range] as const,
  rules: (deploymentId: string) => [...metricKeys.all(deploymentId), 'rules'] as const,
  sources: (deploymentId: string) => [...metricKeys.all(deploymentId), 'sources'] as const,
};

export const templateKeys = {
  all: ['templates'] as const,
  /** Every search of the library (invalidate this), and one search ('' is the whole library). */
  lists: () => [...templateKeys.all, 'list'] as const,
  list: (q: string, show: TemplateShow) => [...templateKeys.lists(), q, show] as const,
  detail: (id: string) => [...templateKeys.all, 'detail', id] as const,
  /** A template's version history, and the diff between two of its versions (immutable, so cached for good). */
  versions: (id: string) => [...templateKeys.all, 'versions', id] as const,
  diff: (id: string, from: number, to: number) => [...templateKeys.all, 'diff', id, from, to] as const,
  /** Redlines proposed for a template (its owners' review list), and its timing across runs. */
  redlines: (id: string) => [...templateKeys.all, 'redlines', id] as const,
  timing: (id: string) => [...templateKeys.all, 'timing', id] as const,
};

/** Webhooks of one deployment, or the global ones (deploymentId null). */
export const webhookKeys = {
  all: ['webhooks'] as const,
  scope: (deploymentId: string | null) => [...webhookKeys.all, deploymentId ?? 'global'] as const,
  list: (deploymentId: string | null) => [...webhookKeys.scope(deploymentId), 'list'] as const,
  deliveries: (deploymentId: string | null, webhookId: string) =>
    [...webhookKeys.scope(deploymentId), 'deliveries', webhookId] as const,
};

/** The admin's people screen: accounts, invitations and the account history. */
export const userKeys = {
  users: ['users'] as const,
  /** The accounts matching a search ('' is everyone) of those shown (admins…), invalidated with `users`. */
  usersMatching: (q: string, show: AccountShow) => [...userKeys.users, show, q] as const,
  invitations: ['invitations'] as const,
  /** Every view of the account history (invalidated together). */
  history: ['account-events'] as const,
  /** The account history of everyone (null) or of one person. */
  historyOf: (personId: string | null) => [...userKeys.history, personId ?? 'everyone'] as const,
  /** The server's check of the account history's chain, run when asked for. */
  recordCheck: ['account-events-check'] as const,
};

/** The public status links of one deployment (the IC's share panel). */
export const shareLinkKeys = {
  list: (deploymentId: string) => ['share-links', deploymentId] as const,
};

/** Status-page mail of one deployment: whether it is on and how many subscribers (the share panel). */
export const statusMailKeys = {
  panel: (deploymentId: string) => ['status-mail', deploymentId] as const,
};
