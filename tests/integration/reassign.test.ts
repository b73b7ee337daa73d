import { afterEach, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { eventCount, makeCrew } from '../support/crew';
import { http } from '../support/http';
import { expectError } from '../support/lifecycle';
import { collect, connect, connected, subscribe, type TestSocket } from '../support/socket';

/** The IC moves a step, or a section's steps, to another role while the war room runs. */

const open: TestSocket[] = [];
afterEach(() => {
  for (const socket of open.splice(0)) socket.disconnect();
});

const roleOf = async (itemId: string) =>
  (await prisma.checklistItem.findUniqueOrThrow({ where: { id: itemId }, include: { role: true } })).role.key;
const checklist = async (token: string, deploymentId: string) =>
  (await http({ token }).get(`/api/deployments/${deploymentId}`)).body;
type ViewItem = { id: string; roleKey: string; children: ViewItem[] };
const flatten = (items: ViewItem[]): ViewItem[] => items.flatMap((i) => [i, ...flatten(i.children ?? [])]);
/** Every step, sub-steps included, that the role owns in this view of the war crew. */
const itemsFor = (deployment: { phases: { items: ViewItem[] }[] }, roleKey: string) =>
  flatten(deployment.phases.flatMap((p) => p.items))
    .filter((i) => i.roleKey === roleKey)
    .map((i) => i.id);

describe('PATCH /api/deployments/:id/items/:itemId with {roleKey, version}', () => {
  it('moves the step for the IC: one item.reassigned event, the new owner may tick it and the old one no longer', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const item = crew.itemOf('dba');
    const before = await eventCount(id);
    const res = await http({ token: crew.tokens.ic }).patch(`/api/deployments/${id}/items/${item.id}`, {
      roleKey: 'qa',
      version: item.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.item).toMatchObject({ id: item.id, roleKey: 'qa', version: item.version + 1, status: 'pending' });
    expect(res.body.seq).toBe(before + 1);
    const events = await http({ token: crew.tokens.ic }).get(`/api/deployments/${id}/events?after=${before}`);
    expect(events.body.events).toEqual([
      expect.objectContaining({
        type: 'item.reassigned',
        actor: 'Iris IC',
        role: 'ic',
        data: expect.objectContaining({ itemId: item.id, from: 'dba', to: 'qa', toName: 'QA Lead' }),
      }),
    ]);
    // Both roles' checklists show the change.
    expect(itemsFor(await checklist(crew.tokens.qa, id), 'qa')).toContain(item.id);
    expect(itemsFor(await checklist(crew.tokens.dba, id), 'dba')).not.toContain(item.id);
    expectError(
      await http({ token: crew.tokens.dba }).patch(`/api/deployments/${id}/items/${item.id}`, {
        status: 'done',
        version: item.version + 1,
      }),
      403,
      'forbidden',
    );
    const tick = await http({ token: crew.tokens.qa }).patch(`/api/deployments/${id}/items/${item.id}`, {
      status: 'done',
      version: item.version + 1,
    });
    expect(tick.status).toBe(200);
  });

  it('refuses everyone but the IC (403), an unknown role (422 unknown_role) and a stale version (409), changing nothing', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const item = crew.itemOf('dba');
    const path = `/api/deployments/${id}/items/${item.id}`;
    const before = await eventCount(id);
    for (const token of [crew.tokens.dba, crew.tokens.qa, crew.tokens.stakeholder, crew.tokens.outsider]) {
      const res = await http({ token }).patch(path, { roleKey: 'qa', version: item.version });
      expectError(res, 403, 'forbidden');
    }
    expectError(
      await http({ token: crew.tokens.ic }).patch(path, { roleKey: 'janitor', version: item.version }),
      422,
      'unknown_role',
    );
    expectError(
      await http({ token: crew.tokens.ic }).patch(path, { roleKey: 'stakeholder', version: item.version }),
      422,
      'unknown_role',
    );
    const stale = await http({ token: crew.tokens.ic }).patch(path, { roleKey: 'qa', version: item.version + 5 });
    expectError(stale, 409, 'stale_version');
    expect(stale.body.error.item).toMatchObject({ id: item.id, roleKey: 'dba', version: item.version });
    expectError(await http({ token: crew.tokens.ic }).patch(path, { roleKey: 'qa' }), 422, 'invalid_body');
    expectError(
      await http({ token: crew.tokens.ic }).patch(path, { roleKey: 'qa', version: item.version, status: 'done' }),
      422,
      'invalid_body',
    );
    expect(await roleOf(item.id)).toBe('dba');
    expect(await eventCount(id)).toBe(before);
  });

  it('reaches both roles live over the socket', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const item = crew.itemOf('dba');
    const watchers = [connect({ token: crew.tokens.dba }), connect({ token: crew.tokens.qa })];
    open.push(...watchers);
    const seen = [];
    for (const socket of watchers) {
      await connected(socket);
      const live = collect(socket);
      await subscribe(socket, id, await eventCount(id));
      seen.push(live);
    }
    const res = await http({ token: crew.tokens.ic }).patch(`/api/deployments/${id}/items/${item.id}`, {
      roleKey: 'qa',
      version: item.version,
    });
    expect(res.status).toBe(200);
    for (const live of seen) {
      await live.until(1);
      expect(live.events[0]).toMatchObject({
        type: 'item.reassigned',
        seq: res.body.seq,
        data: { itemId: item.id, from: 'dba', to: 'qa' },
      });
    }
  });
});

describe('POST /api/deployments/:id/items/reassign (a whole section)', () => {
  it('moves every step of the section to the role in one event, for the IC only', async () => {
    const crew = await makeCrew();
    const id = crew.deployment.id;
    const sample = crew.items.find((i) => i.section !== null) ?? crew.items[0];
    const inSection = crew.items.filter((i) => i.phaseId === sample.phaseId && i.section === sample.section);
    const body = { phaseId: sample.phaseId, section: sample.section, roleKey: 'comms' };
    const before = await eventCount(id);
    expectError(
      await http({ token: crew.tokens.dba }).post(`/api/deployments/${id}/items/reassign`, body),
      403,
      'forbidden',
    );
    expectError(
      await http({ token: crew.tokens.ic }).post(`/api/deployments/${id}/items/reassign`, {
        ...body,
        roleKey: 'nobody',
      }),
      422,
      'unknown_role',
    );
    expect(await eventCount(id)).toBe(before);

    const res = await http({ token: crew.tokens.ic }).post(`/api/deployments/${id}/items/reassign`, body);
    expect(res.status).toBe(200);
    const moved = inSection.filter((i) => i.role.key !== 'comms').length;
    expect(res.body).toEqual({ moved, seq: before + 1 });
    for (const i of inSection) expect(await roleOf(i.id)).toBe('comms');
    const events = await http({ token: crew.tokens.ic }).get(`/api/deployments/${id}/events?after=${before}`);
    expect(events.body.events).toEqual([
      expect.objectContaining({
        type: 'section.reassigned',
        data: expect.objectContaining({ count: moved, to: 'comms' }),
      }),
    ]);
    // Outside the section nothing moved.
    const others = crew.items.filter((i) => !inSection.includes(i));
    for (const i of others.slice(0, 5)) expect(await roleOf(i.id)).toBe(i.role.key);
  });
});
