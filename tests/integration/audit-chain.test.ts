import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { sealLegacyChains } from '@/lib/server/events/seal-legacy-chains';
import { asOwner, auditVerify, rewriteChain } from '../support/audit-verify';
import { makeCrew } from '../support/crew';
import { http } from '../support/http';

/** A war room with `count` status updates after its creation event. */
async function roomWithEvents(count: number) {
  const crew = await makeCrew();
  const ic = http({ token: crew.tokens.ic });
  for (let i = 1; i <= count; i += 1) {
    expect(
      (await ic.post(`/api/deployments/${crew.deployment.id}/status-updates`, { message: `update ${i}` })).status,
    ).toBe(201);
  }
  return { id: crew.deployment.id, ic };
}

describe('the keyed audit chain', () => {
  it('refuses TRUNCATE of the event log and of its seals, even to the database owner', async () => {
    const crew = await roomWithEvents(1);
    await asOwner(async (db) => {
      await expect(db.query('TRUNCATE "ChainSeal"')).rejects.toThrow(
        /chain seals are append-only \(TRUNCATE refused\)/,
      );
      await expect(db.query('TRUNCATE "Event"')).rejects.toThrow(/append-only \(TRUNCATE refused\)/);
      await expect(db.query('TRUNCATE "Deployment" CASCADE')).rejects.toThrow(/append-only \(TRUNCATE refused\)/);
    });
    expect(await prisma.event.count({ where: { deploymentId: crew.id } })).toBe(2);
  });

  it('reports a row rewritten by the database owner with a recomputed plain SHA-256 chain, naming the first bad seq', async () => {
    const crew = await roomWithEvents(4);
    const intact = await auditVerify(crew.id);
    expect(intact.stdout).toMatch(/^intact: 5 events/);
    expect(intact.status).toBe(0);

    // Every link and the deployment's head agree again: only the key tells the rewrite apart.
    await rewriteChain(crew.id, 3, { change: { payload: { message: 'all good, nothing to see' } } });
    const rows = await prisma.event.findMany({ where: { deploymentId: crew.id }, orderBy: { seq: 'asc' } });
    expect(rows.slice(1).every((row, i) => row.prevHash === rows[i].hash)).toBe(true);

    const broken = await auditVerify(crew.id);
    expect(broken.stdout).toMatch(/^broken at seq 3: event #3 was changed after it was written/);
    expect(broken.status).toBe(1);
  });

  it('keeps events written before the chain was keyed verifiable under a keyed seal, and refuses an unsealed or re-written plain part', async () => {
    const crew = await roomWithEvents(2);
    // A deployment from before the key: its three events chained with plain SHA-256, as the
    // migration found them (legacyChainSeq = seq, no seal yet).
    await rewriteChain(crew.id, 1);
    await prisma.deployment.update({ where: { id: crew.id }, data: { legacyChainSeq: 3, legacySeal: null } });
    const unsealed = await auditVerify(crew.id);
    expect(unsealed.stdout).toMatch(
      /^broken at seq 1: events #1–#3 \(written before the chain was keyed\) are not sealed/,
    );
    expect(unsealed.status).toBe(1);

    // The server seals them at start; later events are keyed and chain on from the plain head.
    expect(await sealLegacyChains()).toEqual(expect.arrayContaining([{ deploymentId: crew.id, legacyChainSeq: 3 }]));
    expect(
      (await crew.ic.post(`/api/deployments/${crew.id}/status-updates`, { message: 'after the key' })).status,
    ).toBe(201);
    const mixed = await auditVerify(crew.id);
    expect(mixed.stdout).toMatch(/^intact: 4 events/);
    expect(mixed.status).toBe(0);

    // Rewriting the plain part and recomputing it no longer passes: the seal covers its head.
    await rewriteChain(crew.id, 2, { change: { payload: { message: 'rewritten' } } });
    const rewritten = await auditVerify(crew.id);
    expect(rewritten.stdout).toMatch(
      /^broken at seq 1: events #1–#3 \(written before the chain was keyed\) no longer match their seal/,
    );
    expect(rewritten.status).toBe(1);
  });

  it('does not let the owner pass a keyed chain off as a plain one', async () => {
    const crew = await roomWithEvents(2);
    await rewriteChain(crew.id, 1, { change: { payload: { message: 'rewritten' } } });
    await prisma.deployment.update({ where: { id: crew.id }, data: { legacyChainSeq: 3 } });
    const downgraded = await auditVerify(crew.id);
    expect(downgraded.stdout).toMatch(
      /^broken at seq 1: events #1–#3 \(written before the chain was keyed\) are not sealed/,
    );
    expect(downgraded.status).toBe(1);
  });
});

describe('the two-role setup', () => {
  it('runs the server as a role that can read and append the event log but not UPDATE, DELETE or TRUNCATE it', async () => {
    const crew = await roomWithEvents(1);
    const appUrl = inject('appDatabaseUrl');
    expect(new URL(appUrl).username).not.toBe(new URL(inject('databaseUrl')).username);
    const db = new pg.Client({ connectionString: appUrl });
    await db.connect();
    try {
      const { rows } = await db.query('SELECT count(*)::int AS n FROM "Event" WHERE "deploymentId" = $1', [crew.id]);
      expect(rows[0].n).toBe(2);
      // Refused by the grants, before any trigger is asked.
      for (const statement of [
        `UPDATE "Event" SET "payload" = '{}' WHERE "deploymentId" = '${crew.id}'`,
        `DELETE FROM "Event" WHERE "deploymentId" = '${crew.id}'`,
        'TRUNCATE "Event"',
      ]) {
        await expect(db.query(statement), statement).rejects.toThrow(/permission denied for table Event/);
      }
      // The seals written when the audit key changes: the same.
      for (const statement of [
        'UPDATE "ChainSeal" SET "seal" = \'\'',
        'DELETE FROM "ChainSeal"',
        'TRUNCATE "ChainSeal"',
      ]) {
        await expect(db.query(statement), statement).rejects.toThrow(/permission denied for table ChainSeal/);
      }
      // Nor can it switch the guard off, change the schema or rewrite the migration history.
      await expect(db.query('ALTER TABLE "Event" DISABLE TRIGGER event_append_only')).rejects.toThrow(
        /must be owner of table Event/,
      );
      await expect(db.query('CREATE TABLE "Shadow" (id int)')).rejects.toThrow(/permission denied for schema public/);
      await expect(db.query('DELETE FROM "_prisma_migrations"')).rejects.toThrow(/permission denied/);
    } finally {
      await db.end();
    }
    // The server, as that role, still writes: the status update above and this one.
    expect(
      (await crew.ic.post(`/api/deployments/${crew.id}/status-updates`, { message: 'still writing' })).status,
    ).toBe(201);
    expect(await prisma.event.count({ where: { deploymentId: crew.id } })).toBe(3);
  });
});
