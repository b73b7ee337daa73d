import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { feedEntries, renderAtom, uuidUrn, type FeedEvent } from './status-feed';
import { escapeXml } from './xml-text';

const idFor = (seq: number) => `urn:test:${seq}`;
const HOSTILE = `Tom & "Jerry" <script>alert('x')</script> ]]> \u0000\u0007\uFFFF end`;

function event(
  seq: number,
  type: string,
  data: Record<string, unknown>,
  actorName: string | null = 'Iris IC',
): FeedEvent {
  return { seq, type, at: new Date(Date.UTC(2026, 11, 5, 8, seq)), actorName, data };
}

function feed(entries = feedEntries([event(2, 'status.posted', { message: 'Canary at 25 %' })], false, idFor)) {
  return renderAtom({
    id: uuidUrn('0123456789abcdef0123456789abcdef'),
    title: 'Checkout 2.4 — go-live status',
    updated: '2026-12-05T08:02:00.000Z',
    selfUrl: 'https://war.example/status/ws_abc/feed.atom',
    pageUrl: 'https://war.example/status/ws_abc',
    entries,
  });
}

describe('feed entries', () => {
  it('are status updates and state changes, in the order given (newest first), without reasons or levels', () => {
    const entries = feedEntries(
      [
        event(9, 'deployment.rescheduled', {
          from: '2026-12-05T08:00:00Z',
          to: '2026-12-06T09:30:00Z',
          reason: 'db vendor late',
        }),
        event(8, 'rollback.declared', { level: 'major', reason: 'error rate at 12 %' }),
        event(7, 'deployment.transitioned', { from: 'in_progress', to: 'on_hold', reason: 'waiting on the DBA' }),
        event(6, 'item.updated', { title: 'Backup', note: 'secret' }),
        event(5, 'status.posted', { message: 'Canary at 25 %, all metrics green' }),
      ],
      false,
      idFor,
    );
    expect(entries).toEqual([
      {
        id: 'urn:test:9',
        at: '2026-12-05T08:09:00.000Z',
        title: 'Go-live moved to 2026-12-06 09:30 UTC',
        text: 'The go-live is now planned for 2026-12-06 09:30 UTC.',
        author: null,
      },
      {
        id: 'urn:test:8',
        at: '2026-12-05T08:08:00.000Z',
        title: 'State: Rolling back',
        text: 'The go-live is now rolling back.',
        author: null,
      },
      {
        id: 'urn:test:7',
        at: '2026-12-05T08:07:00.000Z',
        title: 'State: On hold',
        text: 'The go-live is now on hold.',
        author: null,
      },
      {
        id: 'urn:test:5',
        at: '2026-12-05T08:05:00.000Z',
        title: 'Canary at 25 %, all metrics green',
        text: 'Canary at 25 %, all metrics green',
        author: null,
      },
    ]);
    expect(JSON.stringify(entries)).not.toMatch(/vendor|DBA|12 %|major|secret|Iris/);
  });

  it('name the author of an update only when the link shows names, and shorten long headlines', () => {
    const long = `${'word '.repeat(40)}end`;
    const [update] = feedEntries([event(1, 'status.posted', { message: long })], true, idFor);
    expect(update.author).toBe('Iris IC');
    expect(update.title.length).toBeLessThanOrEqual(90);
    expect(update.title.endsWith('…')).toBe(true);
    expect(update.text).toBe(long);
  });
});

describe('renderAtom', () => {
  it('writes a well-formed Atom 1.0 document with stable ids, times and links to the page', () => {
    const xml = feed();
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'entry' || name === 'link',
    }).parse(xml);
    expect(parsed.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(parsed.feed.id).toBe('urn:uuid:01234567-89ab-8def-8123-456789abcdef');
    expect(parsed.feed.updated).toBe('2026-12-05T08:02:00.000Z');
    expect(parsed.feed.author.name).toBe('War Room');
    expect(parsed.feed.link.map((l: Record<string, string>) => [l['@_rel'], l['@_href']])).toEqual([
      ['self', 'https://war.example/status/ws_abc/feed.atom'],
      ['alternate', 'https://war.example/status/ws_abc'],
    ]);
    const [entry] = parsed.feed.entry;
    expect(entry.id).toBe('urn:test:2');
    expect(entry.updated).toBe('2026-12-05T08:02:00.000Z');
    expect(entry.link[0]['@_href']).toBe('https://war.example/status/ws_abc');
    expect(entry.content['#text']).toBe('Canary at 25 %');
    expect(feed()).toBe(xml);
  });

  it('escapes hostile names and updates, and drops characters XML cannot carry', () => {
    const entries = feedEntries([event(3, 'status.posted', { message: HOSTILE }, HOSTILE)], true, idFor);
    const xml = renderAtom({
      id: 'urn:x',
      title: HOSTILE,
      updated: '2026-12-05T08:03:00.000Z',
      selfUrl: 'https://war.example/status/a?x=1&y="2"',
      pageUrl: 'https://war.example/status/a',
      entries,
    });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(xml).not.toContain('<script>');
    const parsed = new XMLParser({ ignoreAttributes: false, processEntities: true, htmlEntities: false }).parse(xml);
    const clean = `Tom & "Jerry" <script>alert('x')</script> ]]>  end`;
    expect(parsed.feed.title['#text']).toBe(clean);
    expect(parsed.feed.entry.content['#text']).toBe(clean);
    expect(parsed.feed.entry.author.name).toBe(clean);
  });
});

describe('escapeXml', () => {
  it('escapes markup and keeps astral characters but not lone surrogates', () => {
    expect(escapeXml(`<a href="x">&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('go 🚀 \uD800 \uDC00 ok\t\n')).toBe('go 🚀   ok\t\n');
  });
});

describe('uuidUrn', () => {
  it('shapes a hash as a version-8 UUID URN', () => {
    expect(uuidUrn('f'.repeat(64))).toBe('urn:uuid:ffffffff-ffff-8fff-bfff-ffffffffffff');
  });
});
