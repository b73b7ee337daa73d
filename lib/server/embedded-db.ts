import fs from 'node:fs';
import path from 'node:path';

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

/**
 * The no-server default: PostgreSQL 17 in WebAssembly (PGlite) inside this process, kept in a
 * local folder and exposed on a localhost port so Prisma and `migrate deploy` use the same pg
 * adapter as with a real server.
 */
export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 32 });
  await server.start();
  const conn = server.getServerConn(); // "127.0.0.1:PORT"
  const port = conn.split(':').pop();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}

/**
 * Where a running server writes the address of its embedded database, so that a command run
 * beside it (`npm run token:create`) reaches the same database without DATABASE_URL. The address
 * is a loopback port with PGlite's fixed demo credentials: nothing secret.
 */
export function embeddedDatabaseUrlFile(dataDir: string): string {
  return path.join(dataDir, 'embedded-database-url');
}

/** Writes the address; the returned function removes it again (if it is still this server's). */
export function publishEmbeddedDatabaseUrl(dataDir: string, url: string): () => void {
  const file = embeddedDatabaseUrlFile(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${url}\n`, { mode: 0o600 });
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === url) fs.rmSync(file);
    } catch {
      // Already gone.
    }
  };
}

/**
 * The database a command should use: DATABASE_URL when set, else the embedded database of a
 * server running on `dataDir` (it may have stopped since: connecting will tell), else null.
 */
export function resolveDatabaseUrl(
  databaseUrl: string | undefined,
  dataDir: string,
): { url: string; embedded: boolean } | null {
  if (databaseUrl) return { url: databaseUrl, embedded: false };
  try {
    const url = fs.readFileSync(embeddedDatabaseUrlFile(dataDir), 'utf8').trim();
    return url ? { url, embedded: true } : null;
  } catch {
    return null;
  }
}
