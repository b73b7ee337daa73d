/** One person watching a deployment, with every role they hold there. */
export type PresenceEntry = { userId: string; name: string; roleKeys: string[] };

/** What a watcher's connection knows of its person; a connection that never signed in has no user. */
export type PresenceSource = { userId?: string; name?: string; roleKeys?: readonly string[] };

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
