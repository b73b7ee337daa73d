import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { inject } from 'vitest';
import { hashEvent, plainHashEvent } from '@/lib/server/events/append-event';

const run = promisify(execFile);

/**
 * `npm run audit:verify -- <id>` as an operator runs it, asynchronously: a synchronous child would
 * block this process, and the next request would reuse a keep-alive socket the server has closed.
 */
export async function auditVerify(
  deploymentId: string,
  env: Record<string, string> = {},
): Promise<{ status: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/audit-verify.ts', deploymentId], {
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    return { status: 0, stdout };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { status: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '' };
  }
}

/** A connection as the database's owner (the migrations' role), which may switch triggers off. */
export async function asOwner<T>(
  work: (db: pg.Client) => Promise<T>,
  databaseUrl: string = inject('databaseUrl'),
): Promise<T> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}

type EventRow = Parameters<typeof plainHashEvent>[0] & { hash: string };

/**
 * What an attacker who owns the database (but not the audit key) can do: with the append-only
 * trigger off, change event `fromSeq`'s payload (when given) and recompute the plain SHA-256 chain
 * from there to the deployment's head, so every link and the head agree again. `withKey`: the
 * attacker also holds that audit key (an old one, leaked) and recomputes the keyed chain with it.
 * `databaseUrl`: the owner's URL of a database other than the run's.
 */
export async function rewriteChain(
  deploymentId: string,
  fromSeq: number,
  {
    change,
    withKey,
    databaseUrl,
  }: { change?: { payload: Record<string, unknown> }; withKey?: Buffer; databaseUrl?: string } = {},
) {
  await asOwner(async (db) => {
    await db.query('BEGIN');
    await db.query('ALTER TABLE "Event" DISABLE TRIGGER event_append_only');
    if (change)
      await db.query(`UPDATE "Event" SET "payload" = $3 WHERE "deploymentId" = $1 AND "seq" = $2`, [
        deploymentId,
        fromSeq,
        JSON.stringify(change.payload),
      ]);
    const { rows } = await db.query<EventRow & { at: Date }>(
      `SELECT "deploymentId", "seq", "type", "at", "actorId", "actorName", "roleKey", "payload", "hash" FROM "Event" WHERE "deploymentId" = $1 ORDER BY "seq"`,
      [deploymentId],
    );
    let prev = rows.find((row) => row.seq === fromSeq - 1)?.hash ?? '';
    for (const row of rows.filter((r) => r.seq >= fromSeq)) {
      // pg reads `timestamp` as local time; the chain hashed the UTC instant Prisma stored.
      const at = new Date(row.at.getTime() - row.at.getTimezoneOffset() * 60_000);
      const hash = withKey ? hashEvent({ ...row, at }, prev, withKey) : plainHashEvent({ ...row, at }, prev);
      await db.query(`UPDATE "Event" SET "prevHash" = $3, "hash" = $4 WHERE "deploymentId" = $1 AND "seq" = $2`, [
        deploymentId,
        row.seq,
        prev,
        hash,
      ]);
      prev = hash;
    }
    await db.query(`UPDATE "Deployment" SET "lastEventHash" = $2 WHERE "id" = $1`, [deploymentId, prev]);
    await db.query('ALTER TABLE "Event" ENABLE TRIGGER event_append_only');
    await db.query('COMMIT');
  }, databaseUrl);
}
