import { describe, expect, it } from 'vitest';
import { eventCount, itemRow, makeCrew } from '../support/crew';
import { http } from '../support/http';

describe('PATCH /api/deployments/:id/items/:itemId', () => {
  it('lets a role holder tick their own item and appends one event', async () => {
    const crew = await makeCrew();
    const item = crew.itemOf('dba');
    const before = await eventCount(crew.deployment.id);
    const res = await http({ token: crew.tokens.dba }).patch(
      `/api/deployments/${crew.deployment.id}/items/${item.id}`,
      { status: 'done', version: item.version },
    );
    expect(res.status).toBe(200);
    expect(res.body.item).toMatchObject({
      id: item.id,
      status: 'done',
      version: item.version + 1,
      roleKey: 'dba',
      updatedBy: 'Dana DBA',
    });
    expect(res.body.seq).toBe(before + 1);
    expect(await eventCount(crew.deployment.id)).toBe(before + 1);
    const events = await http({ token: crew.tokens.ic }).get(
      `/api/deployments/${crew.deployment.id}/events?after=${before}`,
    );
    expect(events.body.events).toEqual([
      expect.objectContaining({
        seq: before + 1,
        type: 'item.updated',
        actor: 'Dana DBA',
        role: 'dba',
        data: expect.objectContaining({ itemId: item.id, status: 'done' }),
      }),
    ]);
  });

  it("lets the IC change any role's item", async () => {
    const crew = await makeCrew();
    const item = crew.itemOf('qa');
    const res = await http({ token: crew.tokens.ic }).patch(`/api/deployments/${crew.deployment.id}/items/${item.id}`, {
      status: 'in_progress',
      version: 1,
    });
    expect(res.status).toBe(200);
    expect(res.body.item.status).toBe('in_progress');
  });

  it("refuses another role's item, a stakeholder and an outsider with 403 and changes nothing", async () => {
    const crew = await makeCrew();
    const item = crew.itemOf('qa');
    const before = await eventCount(crew.deployment.id);
    for (const token of [crew.tokens.dba, crew.tokens.stakeholder, crew.tokens.outsider]) {
      const res = await http({ token }).patch(`/api/deployments/${crew.deployment.id}/items/${item.id}`, {
        status: 'done',
        version: 1,
      });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
      expect(res.body.error.message).toMatch(/\w+/);
    }
    expect((await itemRow(item.id)).status).toBe('pending');
    expect(await eventCount(crew.deployment.id)).toBe(before);
  });

  it('answers 404 for an unknown item or deployment and 401 without credentials', async () => {
    const crew = await makeCrew();
    const unknownItem = await http({ token: crew.tokens.ic }).patch(
      `/api/deployments/${crew.deployment.id}/items/nope`,
      { status: 'done', version: 1 },
    );
    expect(unknownItem.status).toBe(404);
    expect(unknownItem.body.error.code).toBe('not_found');
    const unknownDeployment = await http({ token: crew.tokens.ic }).patch(
      `/api/deployments/nope/items/${crew.itemOf('dba').id}`,
      { status: 'done', version: 1 },
    );
    expect(unknownDeployment.status).toBe(404);
    const anonymous = await http().patch(`/api/deployments/${crew.deployment.id}/items/${crew.itemOf('dba').id}`, {
      status: 'done',
      version: 1,
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe('unauthenticated');
  });

  it('answers 422 for an invalid body, and for blocked or skipped without a note', async () => {
    const crew = await makeCrew();
    const item = crew.itemOf('dba');
    const api = http({ token: crew.tokens.dba });
    const path = `/api/deployments/${crew.deployment.id}/items/${item.id}`;
    const before = await eventCount(crew.deployment.id);
    for (const body of [
      { status: 'finished', version: 1 },
      { status: 'done' },
      { status: 'done', version: 'one' },
      '{not json',
    ]) {
      const res = await api.patch(path, body);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('invalid_body');
    }
    for (const status of ['blocked', 'skipped']) {
      const res = await api.patch(path, { status, version: 1, note: '   ' });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('note_required');
    }
    const blocked = await api.patch(path, { status: 'blocked', version: 1, note: 'replica lag 40 s' });
    expect(blocked.status).toBe(200);
    expect(blocked.body.item).toMatchObject({ status: 'blocked', note: 'replica lag 40 s' });
    expect(await eventCount(crew.deployment.id)).toBe(before + 1);
  });

  it('answers 409 with the current item when the version is stale', async () => {
    const crew = await makeCrew();
    const item = crew.itemOf('dba');
    const path = `/api/deployments/${crew.deployment.id}/items/${item.id}`;
    expect((await http({ token: crew.tokens.ic }).patch(path, { status: 'in_progress', version: 1 })).status).toBe(200);
    const before = await eventCount(crew.deployment.id);
    const stale = await http({ token: crew.tokens.dba }).patch(path, { status: 'done', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
    expect(stale.body.error.item).toMatchObject({
      id: item.id,
      status: 'in_progress',
      version: 2,
      updatedBy: 'Iris IC',
    });
    expect(await eventCount(crew.deployment.id)).toBe(before);
  });

  it('applies a retried request with the same Idempotency-Key once', async () => {
    const crew = await makeCrew();
    const item = crew.itemOf('dba');
    const path = `/api/deployments/${crew.deployment.id}/items/${item.id}`;
    const api = http({ token: crew.tokens.dba });
    const before = await eventCount(crew.deployment.id);
    const first = await api.patch(path, { status: 'done', version: 1 }, { 'idempotency-key': 'tick-42' });
    const again = await api.patch(path, { status: 'done', version: 1 }, { 'idempotency-key': 'tick-42' });
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await eventCount(crew.deployment.id)).toBe(before + 1);
    expect((await itemRow(item.id)).version).toBe(2);
  });

  it('lets exactly one of 50 concurrent updates at the same version win', async () => {
    const crew = await makeCrew();
    const item = crew.itemOf('dba');
    const path = `/api/deployments/${crew.deployment.id}/items/${item.id}`;
    const api = http({ token: crew.tokens.dba });
    const before = await eventCount(crew.deployment.id);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => api.patch(path, { status: i % 2 ? 'done' : 'in_progress', version: 1 })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(await eventCount(crew.deployment.id)).toBe(before + 1);
    expect((await itemRow(item.id)).version).toBe(2);
  });
});
