import { describe, expect, inject, it } from 'vitest';
import type { RecordCheckDto } from '@/lib/contracts/audit';
import { prisma } from '@/lib/server/db';
import { auditKeyId } from '@/lib/server/events/audit-key';
import { auditVerify, rewriteChain } from '../support/audit-verify';
import { makeCrew } from '../support/crew';
import { http } from '../support/http';

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
