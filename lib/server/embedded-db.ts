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
