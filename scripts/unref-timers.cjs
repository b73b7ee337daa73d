// The WebAssembly schema engine arms 10 s / 60 s timers it never clears; unref them so the CLI
// process exits as soon as its work is done.
const originalSetTimeout = global.setTimeout;
global.setTimeout = function patchedSetTimeout(fn, ms, ...rest) {
  const timer = originalSetTimeout(fn, ms, ...rest);
  if (typeof ms === 'number' && ms >= 5000 && timer && typeof timer.unref === 'function') timer.unref();
  return timer;
};
