/**
 * The fault tests run several app processes against one database. The embedded PGlite serves one
 * connection at a time and has no cross-process locks, so without a real server they would
 * fail for reasons that say nothing about the app: refuse at once, and say what to do.
 */
export default function requireRealPostgres() {
  if (!process.env.DATABASE_URL) {
    throw new Error(
      'npm run test:faults needs a PostgreSQL server: set DATABASE_URL (e.g. postgresql://postgres@127.0.0.1:5432/postgres).',
    );
  }
}
