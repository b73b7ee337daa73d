import { icWithShareLink } from './support/fixtures';
import { expect, test } from './support/test';

test('the IC moves the go-live and the public page offers its feed, calendar and badge', async ({ browser }) => {
  const { ic, share, link } = await icWithShareLink(browser);
  await expect(share.getByTestId('share-link-follow').getByRole('link', { name: 'Calendar (.ics)' })).toHaveAttribute(
    'href',
    `${new URL(link).pathname}/event.ics`,
  );

  // Move T0 by a day from the cockpit: the calendar keeps its UID and counts the move.
  const calendar = async () => (await ic.request.get(`${link}/event.ics`)).text();
  const before = await calendar();
  expect(before).toContain('SEQUENCE:0\r\n');
  await ic.getByTestId('move-go-live').click();
  const dialog = ic.getByTestId('reschedule-dialog');
  const date = dialog.getByLabel('New date (UTC)');
  const next = new Date(new Date(`${await date.inputValue()}T00:00:00Z`).getTime() + 86_400_000);
  await date.fill(next.toISOString().slice(0, 10));
  await dialog.getByLabel('New time (UTC, 24 h)').fill('09:30');
  await dialog.getByRole('button', { name: 'Move go-live' }).click();
  await expect(dialog).toBeHidden();
  await expect(ic.getByTestId('timeline')).toContainText(`to ${next.toISOString().slice(0, 10)} 09:30 UTC`);
  const after = await calendar();
  expect(after).toContain('SEQUENCE:1\r\n');
  expect(after).toContain(`DTSTART:${next.toISOString().slice(0, 10).replace(/-/g, '')}T093000Z\r\n`);
  expect(after.match(/^UID:.*$/m)?.[0]).toBe(before.match(/^UID:.*$/m)?.[0]);

  // A stakeholder's phone: the follow links, and a badge that draws.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(link);
  await expect(phone.getByTestId('public-live')).toHaveAttribute('data-status', 'live');
  const follow = phone.getByTestId('public-follow');
  await expect(follow.getByRole('link', { name: 'Atom feed' })).toHaveAttribute(
    'href',
    `${new URL(link).pathname}/feed.atom`,
  );
  await expect(follow.getByRole('link', { name: 'Add to calendar' })).toBeVisible();
  const badge = follow.getByRole('img', { name: 'Go-live status badge' });
  await expect
    .poll(() => badge.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  await expect(follow.getByTestId('badge-snippet')).toHaveValue(`[![Go-live status](${link}/badge.svg)](${link})`);
  const feed = await (await phone.request.get(`${link}/feed.atom`)).text();
  expect(feed).toContain(`Go-live moved to ${next.toISOString().slice(0, 10)} 09:30 UTC`);
});
