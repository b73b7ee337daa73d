import { formatUtc } from '../lib/domain/clock';
import { getPrisma } from '../lib/server/db';
import { apiAs, seedCrew, signedIn } from './support/fixtures';
import { makeFinishedRooms } from './support/make-finished-rooms';
import { expect, test } from './support/test';

test('after many go-lives the list still leads with what is live and upcoming, and pages through the finished ones', async ({
  browser,
}) => {
  const crew = await seedCrew();
  const past = await makeFinishedRooms(crew.people.ic.id, 51, `Past ${crew.deploymentId}`);
  const page = await signedIn(browser, crew.people.ic);

  const upcoming = page.getByRole('region', { name: 'Upcoming' });
  await expect(upcoming.getByRole('link', { name: new RegExp(crew.name) })).toBeVisible();
  const finished = page.getByRole('region', { name: 'Finished' });
  // The most recently finished first, fifty of them.
  await expect(finished.getByRole('listitem')).toHaveCount(50);
  await expect(finished.getByRole('listitem').first()).toContainText(past[0].name);
  await expect(finished.getByRole('listitem').first()).toContainText(`Finished ${formatUtc(past[0].finishedAt)}`);
  await expect(finished.getByRole('listitem').last()).toContainText(past[49].name);

  await page.getByRole('link', { name: 'Older go-lives' }).click();
  await page.waitForURL('**/deployments?finishedOffset=50');
  const older = page.getByRole('region', { name: 'Finished, older' });
  await expect(older.getByRole('listitem')).toHaveCount(1);
  await expect(older.getByRole('listitem')).toContainText(past[50].name);
  // What is upcoming stays in view on every page.
  await expect(
    page.getByRole('region', { name: 'Upcoming' }).getByRole('link', { name: new RegExp(crew.name) }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Older go-lives' })).toHaveCount(0);

  await page.getByRole('link', { name: 'Newest go-lives' }).click();
  await page.waitForURL(/\/deployments$/);
  await expect(page.getByRole('region', { name: 'Finished' }).getByRole('listitem').first()).toContainText(
    past[0].name,
  );
});

test('a search finds past go-lives by name, and paging keeps to the search', async ({ browser }) => {
  const crew = await seedCrew();
  const payments = await makeFinishedRooms(crew.people.ic.id, 52, `Payments ${crew.deploymentId}`);
  await makeFinishedRooms(crew.people.ic.id, 2, `Ledger ${crew.deploymentId}`);
  const page = await signedIn(browser, crew.people.ic);

  const search = page.getByRole('search');
  await search.getByLabel('Find a go-live').fill(`PAYMENTS ${crew.deploymentId}`);
  await search.getByRole('button', { name: 'Find' }).click();
  await page.waitForURL(/\/deployments\?q=/);
  const finished = page.getByRole('region', { name: 'Finished' });
  await expect(finished.getByRole('listitem')).toHaveCount(50);
  await expect(finished.getByRole('listitem').first()).toContainText(payments[0].name);
  await expect(finished).not.toContainText(`Ledger ${crew.deploymentId}`);
  // The crew's upcoming war room is not about payments.
  await expect(page.getByRole('region', { name: 'Upcoming' })).toContainText(
    `No planned go-live matches “PAYMENTS ${crew.deploymentId}”.`,
  );

  await page.getByRole('link', { name: 'Older go-lives' }).click();
  const older = page.getByRole('region', { name: 'Finished, older' });
  await expect(older.getByRole('listitem')).toHaveCount(2);
  await expect(older.getByRole('listitem').last()).toContainText(payments[51].name);
  await expect(page.getByLabel('Find a go-live')).toHaveValue(`PAYMENTS ${crew.deploymentId}`);

  await page.getByRole('link', { name: 'Show all' }).click();
  await page.waitForURL(/\/deployments$/);
  await expect(
    page.getByRole('region', { name: 'Upcoming' }).getByRole('link', { name: new RegExp(crew.name) }),
  ).toBeVisible();
  await expect(page.getByLabel('Find a go-live')).toHaveValue('');
});

test('a rehearsal is marked REHEARSAL on the list, and Show lists rehearsals alone', async ({ browser }) => {
  const [rehearsal, goLive] = [await seedCrew(), await seedCrew()];
  await getPrisma().deployment.update({ where: { id: rehearsal.deploymentId }, data: { rehearsal: true } });
  await getPrisma().participant.updateMany({
    where: { deploymentId: goLive.deploymentId, userId: goLive.people.ic.id },
    data: { userId: rehearsal.people.ic.id },
  });
  const page = await signedIn(browser, rehearsal.people.ic);

  const upcoming = page.getByRole('region', { name: 'Upcoming' });
  const card = (name: string) => upcoming.getByRole('listitem').filter({ hasText: name });
  await expect(card(rehearsal.name).getByTestId('rehearsal-badge')).toHaveText('REHEARSAL');
  await expect(card(goLive.name)).toBeVisible();
  await expect(card(goLive.name).getByTestId('rehearsal-badge')).toHaveCount(0);

  // Rehearsals only: the go-live leaves the list, and the choice stays on screen.
  await page.getByRole('combobox', { name: 'Show', exact: true }).selectOption('Rehearsals only');
  await page.getByRole('search').getByRole('button', { name: 'Find' }).click();
  await page.waitForURL(/kind=rehearsal/);
  await expect(card(goLive.name)).toHaveCount(0);
  await expect(card(rehearsal.name).getByTestId('rehearsal-badge')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Show', exact: true })).toHaveValue('rehearsal');
});

test('the list is live: a tick moves a card, a started go-live moves to Live, and a war room the IC joins appears', async ({
  browser,
}) => {
  const crew = await seedCrew();
  const other = await seedCrew();
  const ic = await signedIn(browser, crew.people.ic);
  await expect(ic.getByTestId('live-indicator')).toHaveAttribute('data-status', 'live');
  const upcoming = ic.getByRole('region', { name: 'Upcoming' });
  const card = upcoming.getByRole('link', { name: new RegExp(crew.name) });
  const progress = card.getByRole('progressbar');
  await expect(progress).toHaveAttribute('aria-valuenow', '0');

  // The DBA ticks a step in another browser: the IC's card counts it, with no reload.
  const dba = await signedIn(browser, crew.people.dba, { width: 390, height: 844 });
  const step = crew.items.find((i) => i.roleKey === 'dba')!;
  const ticked = await apiAs(dba).patch(`/api/deployments/${crew.deploymentId}/items/${step.id}`, {
    data: { status: 'done', version: step.version },
  });
  expect(ticked.status()).toBe(200);
  await expect(card).toContainText(`1/${crew.items.length}`);

  // The IC starts pre-flight from the API (as an automation would): the card moves to Live.
  const moved = await apiAs(ic).post(`/api/deployments/${crew.deploymentId}/transitions`, {
    data: { to: 'preflight' },
  });
  expect(moved.status()).toBe(200);
  await expect(
    ic.getByRole('region', { name: 'Live' }).getByRole('link', { name: new RegExp(crew.name) }),
  ).toBeVisible();
  await expect(card).toHaveCount(0);

  // Another IC gives this IC a role in their war room: it joins the list.
  const otherIc = await signedIn(browser, other.people.ic);
  const added = await apiAs(otherIc).post(`/api/deployments/${other.deploymentId}/participants`, {
    data: { email: crew.people.ic.email, roleKey: 'qa' },
  });
  expect(added.status()).toBe(201);
  await expect(upcoming.getByRole('link', { name: new RegExp(other.name) })).toContainText('Your roles: qa');
});
