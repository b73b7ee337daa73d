import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { eventCount, itemRow, makeCrew } from '../support/crew';
import { http } from '../support/http';
import { collect, connect, connected, subscribe } from '../support/socket';

type Crew = Awaited<ReturnType<typeof makeCrew>>;
const byTitle = (crew: Crew, start: string) => {
  const item = crew.items.find((i) => i.title.startsWith(start));
  if (!item) throw new Error(`no item “${start}”`);
  return item;
};
const LAG = 'Check replication lag';
const path = (crew: Crew, itemId: string, rest = '') => `/api/deployments/${crew.deployment.id}/items/${itemId}${rest}`;
const lagOutput = (value: string) => `       lag\n-----------------\n ${value}\n(1 row)\n`;

describe('POST /api/deployments/:id/items/:itemId/evidence', () => {
  it('ticks with matching evidence in one event, and GET carries the evidence', async () => {
    const crew = await makeCrew();
    const item = byTitle(crew, LAG);
    const before = await eventCount(crew.deployment.id);
    const res = await http({ token: crew.tokens.dba }).post(path(crew, item.id, '/evidence'), {
      text: lagOutput('00:00:00.012'),
      status: 'done',
    });
    expect(res.status).toBe(201);
    expect(res.body.evidence).toMatchObject({
      id: expect.any(String),
      match: 'match',
      reason: 'lag is 00:00:00.012: < 00:00:01',
      redacted: 0,
      source: 'manual',
      by: 'Dana DBA',
      at: expect.any(String),
    });
    expect(res.body.item).toMatchObject({ id: item.id, status: 'done', version: item.version + 1 });
    // One event: the tick and its evidence.
    expect(await eventCount(crew.deployment.id)).toBe(before + 1);
    const events = await http({ token: crew.tokens.ic }).get(
      `/api/deployments/${crew.deployment.id}/events?after=${before}`,
    );
    expect(events.body.events).toEqual([
      expect.objectContaining({
        type: 'item.updated',
        data: expect.objectContaining({
          itemId: item.id,
          status: 'done',
          evidence: expect.objectContaining({ id: res.body.evidence.id, match: 'match' }),
        }),
      }),
    ]);
    const state = await http({ token: crew.tokens.stakeholder }).get(`/api/deployments/${crew.deployment.id}`);
    const shown = state.body.phases
      .flatMap((p: { items: { id: string }[] }) => p.items)
      .find((i: { id: string }) => i.id === item.id);
    expect(shown.evidenceCount).toBe(1);
    expect(shown.evidence).toEqual([
      expect.objectContaining({ id: res.body.evidence.id, match: 'match', text: lagOutput('00:00:00.012') }),
    ]);
  });

  it('records a mismatch without ticking, as an item.evidence event, latest first', async () => {
    const crew = await makeCrew();
    const item = byTitle(crew, LAG);
    const api = http({ token: crew.tokens.dba });
    const first = await api.post(path(crew, item.id, '/evidence'), { text: lagOutput('00:00:04.5') });
    expect(first.status).toBe(201);
    expect(first.body.evidence).toMatchObject({ match: 'mismatch', reason: 'lag is 00:00:04.5: not < 00:00:01' });
    expect(first.body.item.status).toBe('pending');
    expect((await itemRow(item.id)).status).toBe('pending');
    const link = await api.post(path(crew, item.id, '/evidence'), {
      url: 'https://ci.example.com/runs/42',
      source: 'ci',
    });
    expect(link.status).toBe(201);
    expect(link.body.evidence).toMatchObject({ match: 'unknown', source: 'ci', url: 'https://ci.example.com/runs/42' });
    const events = await prisma.event.findMany({ where: { deploymentId: crew.deployment.id, type: 'item.evidence' } });
    expect(events).toHaveLength(2);
    const state = await api.get(`/api/deployments/${crew.deployment.id}`);
    const shown = state.body.phases
      .flatMap((p: { items: { id: string }[] }) => p.items)
      .find((i: { id: string }) => i.id === item.id);
    expect(shown.evidence.map((e: { match: string }) => e.match)).toEqual(['unknown', 'mismatch']);
  });

  it('cuts secrets before storing or publishing, and says what it cut', async () => {
    const crew = await makeCrew();
    const item = byTitle(crew, LAG);
    const secret = 'hunter2-very-secret';
    const res = await http({ token: crew.tokens.ic }).post(path(crew, item.id, '/evidence'), {
      text: `PGPASSWORD=${secret} psql postgres://app:${secret}@db/payments\n${lagOutput('00:00:00.1')}`,
    });
    expect(res.status).toBe(201);
    expect(res.body.evidence).toMatchObject({
      match: 'match',
      redacted: 2,
      redactedKinds: ['connection_string', 'password'],
    });
    const stored = await prisma.evidence.findUniqueOrThrow({ where: { id: res.body.evidence.id } });
    expect(stored.text).not.toContain(secret);
    expect(stored.text).toContain('PGPASSWORD=[REDACTED:password]');
    const events = await prisma.event.findMany({ where: { deploymentId: crew.deployment.id } });
    expect(JSON.stringify(events.map((e) => e.payload))).not.toContain(secret);
  });

  it('refuses 300 KB of text (413), no text and no link (422), a non-http link (422): nothing written', async () => {
    const crew = await makeCrew();
    const item = byTitle(crew, LAG);
    const api = http({ token: crew.tokens.dba });
    const before = await eventCount(crew.deployment.id);
    const big = await api.post(path(crew, item.id, '/evidence'), { text: 'x'.repeat(300 * 1024), status: 'done' });
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload_too_large');
    for (const body of [{}, { text: '   ' }, { status: 'done' }, { url: '' }]) {
      const res = await api.post(path(crew, item.id, '/evidence'), body);
      expect({ body, status: res.status, code: res.body.error.code }).toEqual({
        body,
        status: 422,
        code: 'evidence_required',
      });
    }
    for (const body of [{ url: 'ftp://files/x' }, { url: 'javascript:alert(1)' }, { text: 'x', source: 'robot' }]) {
      const res = await api.post(path(crew, item.id, '/evidence'), body);
      expect({ body, status: res.status, code: res.body.error.code }).toEqual({
        body,
        status: 422,
        code: 'invalid_body',
      });
    }
    expect(await eventCount(crew.deployment.id)).toBe(before);
    expect(await prisma.evidence.count({ where: { itemId: item.id } })).toBe(0);
    expect((await itemRow(item.id)).status).toBe('pending');
  });

  it('lets only those who may tick the item attach (403), and answers 404 for another item', async () => {
    const crew = await makeCrew();
    const item = byTitle(crew, LAG);
    for (const token of [crew.tokens.qa, crew.tokens.stakeholder, crew.tokens.outsider]) {
      const res = await http({ token }).post(path(crew, item.id, '/evidence'), { text: 'lag 0', status: 'done' });
      expect(res.status).toBe(403);
    }
    const missing = await http({ token: crew.tokens.ic }).post(path(crew, 'nope', '/evidence'), { text: 'x' });
    expect(missing.status).toBe(404);
    expect(await prisma.evidence.count({ where: { itemId: item.id } })).toBe(0);
  });

  it('answers 409 with the current item for a stale version', async () => {
    const crew = await makeCrew();
    const item = byTitle(crew, LAG);
    const api = http({ token: crew.tokens.dba });
    expect((await api.post(path(crew, item.id, '/evidence'), { text: 'lag 00:00:00', status: 'done' })).status).toBe(
      201,
    );
    const stale = await api.post(path(crew, item.id, '/evidence'), { text: 'lag 0', status: 'done', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'stale_version', item: { id: item.id, version: 2 } });
    expect(await prisma.evidence.count({ where: { itemId: item.id } })).toBe(1);
  });

  it('carries 2 KB of a long text in the war room, the whole behind its link; the row is append-only', async () => {
    const crew = await makeCrew();
    const item = byTitle(crew, LAG);
    const text = `${lagOutput('00:00:00.3')}${'log line\n'.repeat(1000)}`;
    const res = await http({ token: crew.tokens.dba }).post(path(crew, item.id, '/evidence'), { text });
    const state = await http({ token: crew.tokens.qa }).get(`/api/deployments/${crew.deployment.id}`);
    const shown = state.body.phases
      .flatMap((p: { items: { id: string }[] }) => p.items)
      .find((i: { id: string }) => i.id === item.id);
    expect(shown.evidence[0]).toMatchObject({ textTruncated: true, textLength: text.length });
    expect(shown.evidence[0].text).toHaveLength(2048);
    const whole = await http({ token: crew.tokens.stakeholder }).get(shown.evidence[0].href);
    expect(whole.status).toBe(200);
    expect(whole.body.evidence).toMatchObject({ id: res.body.evidence.id, text, textTruncated: false });
    expect((await http({ token: crew.tokens.outsider }).get(shown.evidence[0].href)).status).toBe(403);
    await expect(
      prisma.evidence.update({ where: { id: res.body.evidence.id }, data: { match: 'match' } }),
    ).rejects.toThrow(/append-only/);
    await expect(prisma.evidence.delete({ where: { id: res.body.evidence.id } })).rejects.toThrow(/append-only/);
  });

  it('replays a retried request with the same Idempotency-Key instead of attaching twice', async () => {
    const crew = await makeCrew();
    const item = byTitle(crew, LAG);
    const api = http({ token: crew.tokens.dba });
    const send = () =>
      api.post(path(crew, item.id, '/evidence'), { text: 'lag 0', status: 'done' }, { 'Idempotency-Key': 'k-ev-1' });
    const [a, b] = [await send(), await send()];
    expect(a.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(b.body.evidence.id).toBe(a.body.evidence.id);
    expect(await prisma.evidence.count({ where: { itemId: item.id } })).toBe(1);
  });

  it('reaches every watcher live, redacted, like a tick', async () => {
    const crew = await makeCrew();
    const item = byTitle(crew, LAG);
    const socket = connect({ token: crew.tokens.stakeholder });
    try {
      await connected(socket);
      const ack = await subscribe(socket, crew.deployment.id, await eventCount(crew.deployment.id));
      expect(ack.ok).toBe(true);
      const live = collect(socket);
      const res = await http({ token: crew.tokens.dba }).post(path(crew, item.id, '/evidence'), {
        text: `token=abcdef123456 ${lagOutput('00:00:09')}`,
      });
      await live.until(1);
      expect(live.events[0]).toMatchObject({
        type: 'item.evidence',
        actor: 'Dana DBA',
        data: {
          itemId: item.id,
          phaseId: item.phaseId,
          evidence: { id: res.body.evidence.id, match: 'mismatch', redacted: 1 },
        },
      });
      expect(JSON.stringify(live.events[0])).not.toContain('abcdef123456');
    } finally {
      socket.disconnect();
    }
  });
});
