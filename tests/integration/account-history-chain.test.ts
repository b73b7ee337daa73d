import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOwner, auditVerify } from '../support/audit-verify';
import { startOwnServer, type OwnServer } from '../support/own-server';

/**
 * The account history (who invited, promoted or deactivated whom) is chained like the event log,
 * so its database owner cannot rewrite or remove a line unnoticed. Its own database: the test
 * tampers with the history, which every test's accounts write to.
 */
describe('the account history’s chain', () => {
  let own: OwnServer;
  const verify = () => auditVerify('--accounts', { DATABASE_URL: own.databaseUrl });
  const owner = <T>(work: Parameters<typeof asOwner<T>>[0]) => asOwner(work, own.databaseUrl);

  beforeAll(async () => {
    own = await startOwnServer({}, { freshDatabase: true });
    for (const name of ['ann', 'bob', 'cyd']) {
      const invited = await own.request('POST', '/api/invitations', own.adminToken, { email: `${name}@example.test` });
      expect(invited.status).toBe(201);
    }
  }, 90_000);

  afterAll(async () => own?.stop());

  it('proves the history intact, shows a removed line, and names the first line the owner rewrote', async () => {
    const intact = await verify();
    expect(intact.stdout).toMatch(/^intact: 3 lines, chain head [0-9a-f]{64}/);
    expect(intact.status).toBe(0);

    // The owner, triggers off, removes the newest line: the chain's head names a line that is gone.
    const removed = await owner(async (db) => {
      await db.query('ALTER TABLE "AccountEvent" DISABLE TRIGGER account_event_append_only');
      const { rows } = await db.query(
        'DELETE FROM "AccountEvent" WHERE "id" = (SELECT max("id") FROM "AccountEvent") RETURNING *',
      );
      return rows[0] as Record<string, unknown>;
    });
    const gone = await verify();
    expect(gone.stdout).toMatch(
      /^broken at line 3: the history ends at line 2, but its chain head points at a line it does not have/,
    );
    expect(gone.status).toBe(1);

    // Put back as it was, it verifies again; a line rewritten (another invitee's address) does not.
    await owner(async (db) => {
      const columns = Object.keys(removed);
      await db.query(
        `INSERT INTO "AccountEvent" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        columns.map((c) => (c === 'payload' ? JSON.stringify(removed[c]) : removed[c])),
      );
    });
    expect((await verify()).stdout).toMatch(/^intact: 3 lines/);
    await owner(async (db) => {
      await db.query(
        `UPDATE "AccountEvent" SET "subject" = 'mallory@example.test' WHERE "id" = (SELECT min("id") + 1 FROM "AccountEvent")`,
      );
      await db.query('ALTER TABLE "AccountEvent" ENABLE TRIGGER account_event_append_only');
    });
    const rewritten = await verify();
    expect(rewritten.stdout).toMatch(/^broken at line 2: line 2 was changed after it was written/);
    expect(rewritten.status).toBe(1);
  });
});
