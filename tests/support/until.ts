/**
 * Waits for a condition by checking it every 100 ms; past the deadline, fails saying what it
 * waited for (`what` may be a function, to report the state it last saw).
 */
export async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 30_000,
  what: string | (() => string) = 'condition',
) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
}
