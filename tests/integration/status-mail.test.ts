import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeCrew } from '../support/crew';
import { startOwnServer, type OwnServer } from '../support/own-server';
import { startSmtpSink, type ReceivedMail, type SmtpSink } from '../support/smtp-sink';
import { until } from '../support/until';

/**
 * Email subscriptions to the status page, end to end: a real SMTP server on 127.0.0.1 (with a
 * password, like a provider's relay), a server of the test's own pointed at it on a fresh
 * database (so its mail worker is the one that sends), and the links read from the mails.
 */
const SMTP_PASSWORD = 'sm7p-pa55word!';
let smtp: SmtpSink;
let own: OwnServer;
let previousDatabaseUrl: string | undefined;

beforeAll(async () => {
  smtp = await startSmtpSink({ user: 'relay-user', pass: SMTP_PASSWORD });
  own = await startOwnServer(
    {
      SMTP_URL: smtp.url,
      MAIL_FROM: 'War Room <status@example.test>',
      // Each event its own mail (bundling is unit-tested); reminders for starts within 30 minutes.
      STATUS_MAIL_BUNDLE_MS: '0',
      STATUS_REMINDER_MIN: '30',
      WEBHOOK_POLL_MS: '100',
    },
    { freshDatabase: true },
  );
  previousDatabaseUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = own.databaseUrl;
});

afterAll(async () => {
  await own?.stop();
  await smtp?.stop();
  process.env.DATABASE_URL = previousDatabaseUrl;
});

let addressCount = 0;
const newAddress = (name: string) => `${name}-${++addressCount}-${Date.now()}@example.test`;

async function roomWithLink() {
  const crew = await makeCrew();
  const url = (rest = '') => `/api/deployments/${crew.deployment.id}${rest}`;
  const created = await own.request('POST', url('/share-links'), crew.tokens.ic, {});
  expect(created.status).toBe(201);
  const link = created.body as { id: string; token: string; url: string };
  const post = (message: string) => own.request('POST', url('/status-updates'), crew.tokens.ic, { message });
  return { crew, url, link, post };
}

const subscribeTo = (token: string, body: unknown) =>
  own.request('POST', `/api/status/${token}/subscriptions`, undefined, body);

const linkIn = (mail: ReceivedMail, what: 'confirm' | 'unsubscribe') => {
  const found = new RegExp(`http://127\\.0\\.0\\.1:\\d+/status/ws_[A-Za-z0-9_-]+/${what}\\?code=[A-Za-z0-9_-]+`).exec(
    mail.text,
  );
  if (!found) throw new Error(`no ${what} link in:\n${mail.text}`);
  return found[0];
};

async function mailTo(address: string, containing: string): Promise<ReceivedMail> {
  await until(
    () => smtp.to(address).some((m) => m.text.includes(containing)),
    30_000,
    () => `a mail to ${address} with "${containing}" (got ${smtp.to(address).length} mails)`,
  );
  return smtp.to(address).find((m) => m.text.includes(containing))!;
}

/** Subscribes and opens the confirmation link from the mail; returns the unsubscribe link. */
async function confirmedSubscriber(token: string, address: string) {
  expect((await subscribeTo(token, { email: address })).status).toBe(202);
  const confirmation = await mailTo(address, '/confirm?code=');
  const confirmed = await fetch(linkIn(confirmation, 'confirm'));
  expect(confirmed.status).toBe(200);
  expect(await confirmed.text()).toContain('Subscription confirmed');
  return linkIn(confirmation, 'unsubscribe');
}

describe('status mail subscriptions', () => {
  it('subscribe, confirm from the mail, and get the IC’s status update by mail', async () => {
    const { crew, url, link, post } = await roomWithLink();
    const reader = newAddress('Reader');

    const subscribed = await subscribeTo(link.token, { email: `  ${reader.toUpperCase()} ` });
    expect(subscribed).toMatchObject({ status: 202, body: { ok: true } });
    const confirmation = await mailTo(reader.toLowerCase(), '/confirm?code=');
    expect(confirmation.headers['list-unsubscribe']).toMatch(
      /^<http:\/\/127\.0\.0\.1:\d+\/status\/ws_.+\/unsubscribe\?code=.+>$/,
    );
    expect(confirmation.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(confirmation.headers.from).toContain('status@example.test');

    // Nothing is sent but the confirmation until the link is opened; a wrong code changes nothing.
    const wrong = await fetch(`${own.baseUrl}/status/${link.token}/confirm?code=${'x'.repeat(43)}`);
    expect(wrong.status).toBe(404);
    expect(await wrong.text()).toContain('This link does not work');
    const panel = () => own.request('GET', url('/subscriptions'), crew.tokens.ic);
    expect((await panel()).body).toEqual({ mailEnabled: true, confirmed: 0 });

    const opened = await fetch(linkIn(confirmation, 'confirm'));
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('Subscription confirmed');
    expect((await panel()).body).toEqual({ mailEnabled: true, confirmed: 1 });

    // Subscribing again once confirmed answers exactly the same.
    expect(await subscribeTo(link.token, { email: reader })).toMatchObject({ status: 202, body: { ok: true } });

    expect((await post('Canary at 25 %, error rate flat')).status).toBe(201);
    const update = await mailTo(reader.toLowerCase(), 'Canary at 25 %, error rate flat');
    expect(update.text).toContain(crew.deployment.name);
    expect(update.text).toContain(`/status/${link.token}`);
    expect(update.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(update.text).toContain('<html');

    // The password of the relay is in no stored error.
    const errors = await prisma.statusMail.findMany({ where: { lastError: { contains: SMTP_PASSWORD } } });
    expect(errors).toEqual([]);
  });

  it('mails state changes, and a one-click unsubscribe stops the mails', async () => {
    const { crew, url, link, post } = await roomWithLink();
    const leaver = newAddress('leaver');
    const stayer = newAddress('stayer');
    const unsubscribeUrl = await confirmedSubscriber(link.token, leaver);
    await confirmedSubscriber(link.token, stayer);

    expect((await own.request('POST', url('/transitions'), crew.tokens.ic, { to: 'preflight' })).status).toBeLessThan(
      300,
    );
    await mailTo(leaver, 'The go-live is now preflight.');

    // GET only asks (a mail scanner opening the link unsubscribes nobody); the POST unsubscribes.
    const page = await fetch(unsubscribeUrl);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<button type="submit">Unsubscribe</button>');
    const oneClick = await fetch(unsubscribeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('Unsubscribed');

    expect((await post('Second update after the unsubscribe')).status).toBe(201);
    await mailTo(stayer, 'Second update after the unsubscribe');
    expect(smtp.to(leaver).filter((m) => m.text.includes('Second update after the unsubscribe'))).toEqual([]);
    expect((await own.request('GET', url('/subscriptions'), crew.tokens.ic)).body).toEqual({
      mailEnabled: true,
      confirmed: 1,
    });
  });

  it('revoking a share link stops every mail to its subscribers', async () => {
    const { crew, url, link, post } = await roomWithLink();
    const other = (await own.request('POST', url('/share-links'), crew.tokens.ic, {})).body as { token: string };
    const viaRevoked = newAddress('revoked');
    const viaLive = newAddress('live');
    await confirmedSubscriber(link.token, viaRevoked);
    await confirmedSubscriber(other.token, viaLive);

    expect((await own.request('DELETE', url(`/share-links/${link.id}`), crew.tokens.ic)).status).toBe(200);
    expect((await post('After the revoke')).status).toBe(201);
    await mailTo(viaLive, 'After the revoke');
    expect(smtp.to(viaRevoked).filter((m) => m.text.includes('After the revoke'))).toEqual([]);
    // The revoked link takes no new subscriptions either.
    expect((await subscribeTo(link.token, { email: newAddress('late') })).status).toBe(404);
  });

  it('reminds once before the planned start, and again when the go-live moves', async () => {
    const { crew, url, link } = await roomWithLink();
    const planner = newAddress('planner');
    await confirmedSubscriber(link.token, planner);
    const reschedule = (minutes: number) =>
      own.request('POST', url('/reschedule'), crew.tokens.ic, {
        goLiveAt: new Date(Date.now() + minutes * 60_000).toISOString(),
        reason: 'Change window moved',
      });
    expect((await reschedule(20)).status).toBe(200);
    await mailTo(planner, 'Go-live moved to');
    await mailTo(planner, 'The go-live is planned to start at');
    expect((await reschedule(25)).status).toBe(200);
    await until(
      () => smtp.to(planner).filter((m) => m.text.includes('The go-live is planned to start at')).length === 2,
      30_000,
      'a second reminder for the new time',
    );
  });

  it('the IC sends a test mail to their own address; others may not see the count or send one', async () => {
    const { crew, url } = await roomWithLink();
    const sent = await own.request('POST', url('/subscriptions/test-mail'), crew.tokens.ic, {});
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ queued: true, to: crew.people.ic.email });
    await mailTo(crew.people.ic.email, 'This is a test mail');
    expect((await own.request('GET', url('/subscriptions'), crew.tokens.stakeholder)).status).toBe(403);
    expect((await own.request('POST', url('/subscriptions/test-mail'), crew.tokens.dba, {})).status).toBe(403);
  });

  it('refuses bad and hostile input with a code and a message, and writes nothing', async () => {
    const { crew, link } = await roomWithLink();
    const before = await prisma.statusSubscription.count({ where: { deploymentId: crew.deployment.id } });
    for (const email of [
      'not-an-email',
      '',
      'a@b',
      42,
      null,
      ['x@example.test'],
      { a: 1 },
      `${'x'.repeat(250)}@example.test`,
    ]) {
      const res = await subscribeTo(link.token, { email });
      expect({ email, status: res.status, code: res.body?.error?.code }).toEqual({
        email,
        status: 422,
        code: 'invalid_email',
      });
      expect(res.body.error.message).toMatch(/valid email address/);
    }
    const huge = await subscribeTo(link.token, { email: 'big@example.test', pad: 'x'.repeat(4096) });
    expect(huge.status).toBe(413);
    const notJson = await fetch(`${own.baseUrl}/api/status/${link.token}/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":',
    });
    expect(notJson.status).toBe(422);
    expect(((await notJson.json()) as { error: { code: string } }).error.code).toBe('invalid_body');
    const form = await fetch(`${own.baseUrl}/api/status/${link.token}/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=a%40example.test',
    });
    expect(form.status).toBe(415);
    expect((await subscribeTo('ws_unknownunknownunknown0', { email: newAddress('x') })).status).toBe(404);
    expect((await subscribeTo('../../etc', { email: newAddress('x') })).status).toBe(404);
    expect(await prisma.statusSubscription.count({ where: { deploymentId: crew.deployment.id } })).toBe(before);
  });

  it('answers 429 with Retry-After past 5 requests for one address in an hour', async () => {
    const { link } = await roomWithLink();
    const address = newAddress('eager');
    for (let i = 0; i < 5; i++) expect((await subscribeTo(link.token, { email: address })).status).toBe(202);
    const limited = await subscribeTo(link.token, { email: address });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('rate_limited');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  // Last: it spends what is left of this address's 30 requests an hour.
  it('answers 429 past 30 requests from one IP address in an hour', async () => {
    const { link } = await roomWithLink();
    let status = 0;
    for (let i = 0; i < 31 && status !== 429; i++)
      status = (await subscribeTo(link.token, { email: newAddress('ip') })).status;
    expect(status).toBe(429);
  });
});

describe('without SMTP_URL', () => {
  it('the route answers 404 and the page has no subscribe form', async () => {
    // A server without mail, on the run's shared database: the room is made there.
    const plain = await startOwnServer({ SMTP_URL: '' });
    process.env.DATABASE_URL = previousDatabaseUrl;
    try {
      const crew = await makeCrew();
      const created = await plain.request(
        'POST',
        `/api/deployments/${crew.deployment.id}/share-links`,
        crew.tokens.ic,
        {},
      );
      const token = (created.body as { token: string }).token;
      const res = await plain.request('POST', `/api/status/${token}/subscriptions`, undefined, {
        email: newAddress('nomail'),
      });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
      const page = await (await fetch(`${plain.baseUrl}/status/${token}`)).text();
      expect(page).toContain('Follow this go-live');
      expect(page).not.toContain('Get updates by email');
    } finally {
      process.env.DATABASE_URL = own.databaseUrl;
      await plain.stop();
    }
  });
});
