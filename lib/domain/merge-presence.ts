/** One person watching a deployment, with every role they hold there. */
export type PresenceEntry = { userId: string; name: string; roleKeys: string[] };

/** What a watcher's connection knows of its person; a connection that never signed in has no user. */
export type PresenceSource = { userId?: string; name?: string; roleKeys?: readonly string[] };

/**
 * How many people one presence message names. A crowd of thousands, each signed in as
 * themselves, would otherwise make every message name everyone and go to everyone: people ×
 * sockets entries (25 million for 5 000), which no screen shows anyway. Past this the message
 * names the first ones — those holding a role first — and counts the rest.
 */
export const PRESENCE_LIST_MAX = 100;

/** The people a presence message names, and how many are online in all. */
export function listPresence(everyone: PresenceEntry[]): { online: PresenceEntry[]; total: number } {
  if (everyone.length <= PRESENCE_LIST_MAX) return { online: everyone, total: everyone.length };
  const withRole = everyone.filter((p) => p.roleKeys.length > 0);
  const without = everyone.filter((p) => p.roleKeys.length === 0);
  return { online: [...withRole, ...without].slice(0, PRESENCE_LIST_MAX), total: everyone.length };
}

/**
 * One entry per person, however many tabs, devices or processes they are connected through;
 * their role keys are the union, in the order first seen.
 */
export function mergePresence(sources: Iterable<PresenceSource>): PresenceEntry[] {
  const online = new Map<string, PresenceEntry>();
  for (const source of sources) {
    if (!source.userId) continue;
    const entry = online.get(source.userId) ?? { userId: source.userId, name: source.name ?? '', roleKeys: [] };
    for (const key of source.roleKeys ?? []) if (!entry.roleKeys.includes(key)) entry.roleKeys.push(key);
    online.set(source.userId, entry);
  }
  return [...online.values()];
}
