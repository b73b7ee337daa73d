import { describe, expect, inject, it } from 'vitest';
import type { RecordCheckDto } from '@/lib/contracts/audit';
import { parseChainHead } from '@/lib/domain/chain-head';
import { prisma } from '@/lib/server/db';
import { appendEvent } from '@/lib/server/events/append-event';
import { auditKeyId } from '@/lib/server/events/audit-key';
import { sql, sqlTransaction } from '@/lib/server/sql';
import { auditVerify, rewriteChain } from '../support/audit-verify';
import { makeCrew } from '../support/crew';
import { http } from '../support/http';
import { until } from '../support/until';

const keyId = auditKeyId(Buffer.from(inject('auditKey')));

/** A war room with two status updates after its creation event. */
async function roomWithUpdates() {
  const crew = await makeCrew();
  const ic = http({ token: crew.tokens.ic });
  for (const message of ['deploying', 'smoke tests green'])
    expect((await ic.post(`/api/deployments/${crew.deployment.id}/status-updates`, { message })).status).toBe(201);
  return crew;
}

/**
 * The server recomputes a record's chain with its own audit keys, for auditors and admins who
 * have a browser rather than a shell: the answer `npm run audit:verify` gives.
 */
describe('checking a record in the browser', () => {
  it('tells everyone in the war room that its record is intact, with the head to compare', async () => {
    const crew = await roomWithUpdates();
    const path = `/api/deployments/${crew.deployment.id}/audit`;
    const head = await prisma.event.findFirstOrThrow({
      where: { deploymentId: crew.deployment.id },
      orderBy: { seq: 'desc' },
    });
    const asIc = await http({ token: crew.tokens.ic }).get<RecordCheckDto>(path);
    expect(asIc.status).toBe(200);
    expect(asIc.body).toMatchObject({ intact: true, checked: 3, headHash: head.hash, brokenAt: null, keyId });
    // A stakeholder reads the room, and so may check it; someone outside it may not.
    const asStakeholder = await http({ token: crew.tokens.stakeholder }).get<RecordCheckDto>(path);
    expect(asStakeholder.body).toMatchObject({ intact: true, checked: 3 });
    expect((await http({ token: crew.tokens.outsider }).get(path)).status).toBe(403);
    expect((await http().get(path)).status).toBe(401);
    expect((await http({ token: crew.tokens.ic }).get('/api/deployments/no-such-room/audit')).status).toBe(404);
  });

  it('names the first event a database owner rewrote, as the command line does', async () => {
    const crew = await roomWithUpdates();
    await rewriteChain(crew.deployment.id, 2, { change: { payload: { message: 'all good, nothing to see' } } });
    const checked = await http({ token: crew.tokens.ic }).get<RecordCheckDto>(
      `/api/deployments/${crew.deployment.id}/audit`,
    );
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({
      intact: false,
      checked: 1,
      headHash: null,
      brokenAt: 2,
      reason: 'event #2 was changed after it was written',
    });
    expect((await auditVerify(crew.deployment.id)).stdout).toMatch(/^broken at seq 2: event #2 was changed/);
  });

  it('checks the record as it stood when the check began, while the war room goes on writing', async () => {
    const crew = await roomWithUpdates();
    const path = `/api/deployments/${crew.deployment.id}/audit`;
    // An event committed after the check read the room's head but before it read the events: the
    // event log is held (its readers wait) until the check is waiting on it, then a write lands.
    const checking = await sqlTransaction(async (held) => {
      await held`LOCK TABLE "Event" IN ACCESS EXCLUSIVE MODE`;
      const answer = http({ token: crew.tokens.ic }).get<RecordCheckDto>(path);
      // Asked on another connection: within one transaction PostgreSQL shows the same activity snapshot.
      await until(
        async () =>
          (
            await sql`SELECT 1 FROM pg_stat_activity WHERE "wait_event_type" = 'Lock' AND "query" LIKE '%FROM "public"."Event" WHERE ("public"."Event"."deploymentId" = $1 AND "public"."Event"."seq" >= $2)%'`
          ).length > 0,
        30_000,
        'the check to wait for the event log',
      );
      await appendEvent(held, {
        deploymentId: crew.deployment.id,
        type: 'status.posted',
        actorId: crew.people.ic.id,
        actorName: crew.people.ic.name,
        roleKey: 'ic',
        data: { message: 'landed mid-check' },
      });
      return { answer };
    });
    const during = await checking.answer;
    expect(during.status).toBe(200);
    expect(during.body).toMatchObject({ intact: true, checked: 3 });
    // The next check sees the new event, chained like the rest.
    expect((await http({ token: crew.tokens.ic }).get<RecordCheckDto>(path)).body).toMatchObject({
      intact: true,
      checked: 4,
    });
  });

  it('checks at most two records at once per process, and tells a third to come back', async () => {
    const rooms = [await roomWithUpdates(), await roomWithUpdates()];
    const check = (crew: Awaited<ReturnType<typeof roomWithUpdates>>) =>
      // Untyped: the third answer is an error body.
      http({ token: crew.tokens.ic }).get(`/api/deployments/${crew.deployment.id}/audit`);
    // The seals are held (only checks read them) until two checks are waiting on them: both running.
    const { running, third } = await sqlTransaction(async (held) => {
      await held`LOCK TABLE "ChainSeal" IN ACCESS EXCLUSIVE MODE`;
      const running = rooms.map(check);
      await until(
        async () =>
          (
            await sql`SELECT 1 FROM pg_stat_activity WHERE "wait_event_type" = 'Lock' AND "query" LIKE '%FROM "public"."ChainSeal"%'`
          ).length === 2,
        30_000,
        'two checks to wait for the seals',
      );
      return { running, third: await check(rooms[0]) };
    });
    expect(third.status).toBe(503);
    expect(third.body.error).toMatchObject({ code: 'busy', message: expect.stringContaining('try again in 5 s') });
    expect(third.headers.get('retry-after')).toBe('5');
    // The two finish as if nothing happened, and their places are free again.
    for (const answer of await Promise.all(running)) expect(answer.body).toMatchObject({ intact: true, checked: 3 });
    expect((await check(rooms[1])).body).toMatchObject({ intact: true, checked: 3 });
  });

  it('says whether the record still passes through a head kept from its report', async () => {
    const crew = await roomWithUpdates();
    const asIc = http({ token: crew.tokens.ic });
    const report = await asIc.get<string>(`/api/deployments/${crew.deployment.id}/report.md`);
    const kept = parseChainHead(report.body)!;
    expect(kept.seq).toBe(3);
    // The war room goes on; the head kept from the report stays on the record's path.
    expect((await asIc.post(`/api/deployments/${crew.deployment.id}/status-updates`, { message: 'done' })).status).toBe(
      201,
    );
    const audit = (id: string, head = kept) =>
      asIc.get<RecordCheckDto>(`/api/deployments/${id}/audit?seq=${head.seq}&hash=${head.hash}`);
    expect((await audit(crew.deployment.id)).body).toMatchObject({
      intact: true,
      checked: 4,
      compared: { seq: 3, hash: kept.hash, matches: true },
    });
    // Another room's head is not on this room's path.
    const other = await roomWithUpdates();
    const elsewhere = await http({ token: other.tokens.ic }).get<RecordCheckDto>(
      `/api/deployments/${other.deployment.id}/audit?seq=${kept.seq}&hash=${kept.hash}`,
    );
    expect(elsewhere.body.compared).toMatchObject({
      matches: false,
      reason: expect.stringContaining('another hash than the one you kept'),
    });
    // Rewritten before the kept head (and the plain chain recomputed): the check no longer vouches for it.
    await rewriteChain(crew.deployment.id, 2, { change: { payload: { message: 'nothing happened' } } });
    expect((await audit(crew.deployment.id)).body).toMatchObject({
      intact: false,
      brokenAt: 2,
      compared: { matches: false, reason: expect.stringContaining('verifies up to event #1 only') },
    });
    // Half a head is refused, naming both parts.
    const half = await asIc.get(`/api/deployments/${crew.deployment.id}/audit?seq=3`);
    expect(half.status).toBe(400);
    expect(half.body.error.code).toBe('invalid_query');
  });

  it('lets admins, and only admins, check the account history', async () => {
    const checked = await http({ token: inject('adminToken') }).get<RecordCheckDto>('/api/account-events/verify');
    expect(checked.status).toBe(200);
    expect(checked.body).toMatchObject({ intact: true, brokenAt: null, reason: null, keyId });
    expect(checked.body.checked).toBeGreaterThan(0);
    expect(checked.body.headHash).toMatch(/^[0-9a-f]{64}$/);
    const crew = await makeCrew();
    const refused = await http({ token: crew.tokens.ic }).get('/api/account-events/verify');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
  });
});
