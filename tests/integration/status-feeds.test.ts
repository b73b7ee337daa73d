import { XMLParser, XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeCrew } from '../support/crew';
import { baseUrl, http } from '../support/http';

/** A room with a share link made by the IC. */
async function roomWithLink(showNames = false) {
  const crew = await makeCrew();
  const ic = http({ token: crew.tokens.ic });
  const created = await ic.post(`/api/deployments/${crew.deployment.id}/share-links`, { showNames });
  expect(created.status).toBe(201);
  const link = created.body as { id: string; token: string; url: string };
  return { crew, ic, link, url: (rest = '') => `/api/deployments/${crew.deployment.id}${rest}` };
}

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${baseUrl()}${path}`, { headers });

function calendarOf(text: string) {
  const vevent = new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!;
  return {
    uid: vevent.getFirstPropertyValue('uid'),
    sequence: Number(vevent.getFirstPropertyValue('sequence')),
    start: (vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString(),
    status: vevent.getFirstPropertyValue('status'),
    url: vevent.getFirstPropertyValue('url'),
  };
}

/** iCalendar times have whole seconds. */
const toSecond = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000).toISOString();
const wholeMinuteAfter = (date: Date, minutes: number) =>
  new Date(Math.ceil(date.getTime() / 60_000) * 60_000 + minutes * 60_000).toISOString();

const entriesOf = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' }).parse(xml).feed.entry ?? [];

describe('the status feed, calendar and badge', () => {
  it('serve Atom, iCalendar and SVG with what the page shows, and nothing it does not', async () => {
    const { crew, ic, link, url } = await roomWithLink();
    const item = crew.itemOf('dba');
    await http({ token: crew.tokens.dba }).patch(url(`/items/${item.id}`), {
      status: 'blocked',
      note: 'secret-note-about-db',
      version: item.version,
    });
    await ic.post(url('/transitions'), { to: 'preflight' });
    await ic.post(url('/status-updates'), { message: 'Canary at 25 % & <all> metrics "green"' });

    const feed = await get(`${link.url}/feed.atom`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(feed.headers.get('referrer-policy')).toBe('no-referrer');
    const xml = await feed.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const entries = entriesOf(xml);
    expect(entries.map((e: { title: { '#text': string } }) => e.title['#text'])).toEqual([
      'Canary at 25 % & <all> metrics "green"',
      'State: Preflight',
    ]);
    expect(entries[0].link['@_href']).toBe(`${baseUrl()}${link.url}`);
    expect(entries[0].id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(entries[0].author).toBeUndefined();

    const calendar = await get(`${link.url}/event.ics`);
    expect(calendar.status).toBe(200);
    expect(calendar.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const ics = await calendar.text();
    expect(ics).toContain('BEGIN:VEVENT\r\n');
    expect(calendarOf(ics)).toMatchObject({
      sequence: 0,
      start: toSecond(crew.deployment.goLiveAt),
      status: 'CONFIRMED',
      url: `${baseUrl()}${link.url}`,
    });

    const badge = await get(`${link.url}/badge.svg`);
    expect(badge.status).toBe(200);
    expect(badge.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(badge.headers.get('cache-control')).toBe('public, max-age=30');
    const svg = await badge.text();
    expect(XMLValidator.validate(svg)).toBe(true);
    expect(svg).toContain('<title>go-live: preflight 0 %</title>');

    for (const text of [xml, ics, svg]) {
      for (const secret of ['secret-note-about-db', 'Iris IC', 'Dana DBA', item.title, crew.deployment.id])
        expect(text).not.toContain(secret);
    }
  });

  it('name the authors of updates only when the link shows names', async () => {
    const { ic, link, url } = await roomWithLink(true);
    await ic.post(url('/status-updates'), { message: 'Starting now' });
    const [entry] = entriesOf(await (await get(`${link.url}/feed.atom`)).text());
    expect(entry.author.name).toBe('Iris IC');
  });

  it('answer 304 to a client that holds the current version, and 200 again once it changed', async () => {
    const { ic, link, url } = await roomWithLink();
    for (const file of ['feed.atom', 'event.ics', 'badge.svg']) {
      const first = await get(`${link.url}/${file}`);
      const etag = first.headers.get('etag');
      expect(etag).toMatch(/^"[\w-]+"$/);
      const again = await get(`${link.url}/${file}`, { 'if-none-match': etag! });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect((await get(`${link.url}/${file}`, { 'if-none-match': '"something-else"' })).status).toBe(200);
    }
    const badgeTag = (await get(`${link.url}/badge.svg`)).headers.get('etag')!;
    await ic.post(url('/transitions'), { to: 'preflight' });
    const changed = await get(`${link.url}/badge.svg`, { 'if-none-match': badgeTag });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toContain('preflight');
  });

  it('keep the calendar UID and raise its SEQUENCE each time the IC moves the go-live', async () => {
    const { crew, ic, link, url } = await roomWithLink();
    const before = calendarOf(await (await get(`${link.url}/event.ics`)).text());
    const later = wholeMinuteAfter(crew.deployment.goLiveAt, 90);
    const moved = await ic.post(url('/reschedule'), { goLiveAt: later, reason: 'vendor window moved' });
    expect(moved.status).toBe(200);
    expect(moved.body).toEqual({ goLiveAt: later, seq: expect.any(Number) });
    const after = calendarOf(await (await get(`${link.url}/event.ics`)).text());
    expect(after).toMatchObject({ uid: before.uid, sequence: before.sequence + 1, start: later });

    // The same time again changes nothing: no event, no new revision.
    expect((await ic.post(url('/reschedule'), { goLiveAt: later })).body.seq).toBeNull();
    const evenLater = wholeMinuteAfter(crew.deployment.goLiveAt, 24 * 60);
    await ic.post(url('/reschedule'), { goLiveAt: evenLater });
    expect(calendarOf(await (await get(`${link.url}/event.ics`)).text()).sequence).toBe(before.sequence + 2);

    const [entry] = entriesOf(await (await get(`${link.url}/feed.atom`)).text());
    expect(entry.title['#text']).toBe(`Go-live moved to ${evenLater.slice(0, 16).replace('T', ' ')} UTC`);
    expect(JSON.stringify(entry)).not.toContain('vendor');
    const events = await prisma.event.findMany({
      where: { deploymentId: crew.deployment.id, type: 'deployment.rescheduled' },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => e.payload)).toEqual([
      { from: crew.deployment.goLiveAt.toISOString(), to: later, reason: 'vendor window moved' },
      { from: later, to: evenLater, reason: null },
    ]);
  });

  it('refuse to move the go-live once it runs, and to anyone but the IC', async () => {
    const { crew, ic, url } = await roomWithLink();
    const goLiveAt = new Date(Date.now() + 3600_000).toISOString();
    expect((await http({ token: crew.tokens.dba }).post(url('/reschedule'), { goLiveAt })).status).toBe(403);
    expect((await ic.post(url('/reschedule'), { goLiveAt: 'tomorrow' })).status).toBe(422);
    await ic.post(url('/transitions'), { to: 'preflight' });
    expect((await ic.post(url('/reschedule'), { goLiveAt })).status).toBe(200);
    await prisma.deployment.update({ where: { id: crew.deployment.id }, data: { state: 'in_progress' } });
    const refused = await ic.post(url('/reschedule'), { goLiveAt: new Date(Date.now() + 7200_000).toISOString() });
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'illegal_transition', refusal: 'go_live_started' });
    expect(refused.body.error.message).toMatch(/only move before the go-live starts/);
  });

  it('are 404 for an unknown token and the moment the link is revoked', async () => {
    const { ic, link, url } = await roomWithLink();
    for (const file of ['feed.atom', 'event.ics', 'badge.svg']) {
      expect((await get(`${link.url}/${file}`)).status).toBe(200);
      expect((await get(`/status/ws_not-a-real-token-000000000000000/${file}`)).status).toBe(404);
    }
    expect((await ic.del(url(`/share-links/${link.id}`))).status).toBe(200);
    for (const file of ['feed.atom', 'event.ics', 'badge.svg']) {
      const gone = await get(`${link.url}/${file}`);
      expect(gone.status).toBe(404);
      expect((await gone.json()).error.code).toBe('not_found');
    }
  });
});
