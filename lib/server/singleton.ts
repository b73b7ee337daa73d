/**
 * Values shared by the whole process. server.ts runs under tsx and Next bundles route handlers and
 * pages apart, so a module-level variable exists once per bundle: a registry, a cache or a pool kept
 * there would be split between them. These live on globalThis instead, under a `__warroom…` key.
 */

const store = globalThis as unknown as Record<string, unknown>;

/** The value under `key`, created by the first bundle to ask. */
export function processSingleton<T>(key: string, create: () => T): T {
  store[key] ??= create();
  return store[key] as T;
}

/**
 * Like `processSingleton`, but made again when `setting` changes (a test or server.ts changed the
 * variable it was built from after the first call).
 */
export function processSingletonFor<T>(key: string, setting: unknown, create: () => T): T {
  let held = store[key] as { setting: unknown; value: T } | undefined;
  if (!held || held.setting !== setting) store[key] = held = { setting, value: create() };
  return held.value;
}

/** A process-wide slot that one part of the process sets (server.ts, a worker) and others read. */
export function processSlot<T>(key: string): { get: () => T | undefined; set: (value: T | undefined) => void } {
  return {
    get: () => store[key] as T | undefined,
    set: (value) => {
      store[key] = value;
    },
  };
}
