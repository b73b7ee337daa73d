// How every launcher starts the server process — `npm start`, the tests, the benchmarks — so
// they all run the same thing.
//
// A larger young generation: an event fanned out to thousands of sockets allocates short-lived
// objects per socket. In a process as large as the app (Next.js, Prisma), V8's default 16 MB
// semi-spaces let many of them survive into the old generation, whose collection cost ~10 ms of
// CPU per tick at 5 000 watchers; with 128 MB they die young (docs/performance.md). The young
// generation only grows that far under such load. NODE_OPTIONS may set its own size.
export function serverNodeFlags(env = process.env) {
  return /--max-semi-space-size/.test(env.NODE_OPTIONS ?? '') ? [] : ['--max-semi-space-size=128'];
}

/** The arguments after `node` that run server.ts. */
export function serverArgs(env = process.env) {
  return [...serverNodeFlags(env), '--import', 'tsx', 'server.ts'];
}
