import type { Browser, Page } from '@playwright/test';
import { expectLive, item, seedCrew, signedIn } from './support/fixtures';
import { makeLongChecklistCrew } from './support/make-long-checklist-crew';
import { expect, test } from './support/test';

type ApiItem = { title: string; status: string; note: string | null; children: ApiItem[] };

/** What the server holds for one item, read over the API with the page's own session. */
async function onServer(page: Page, deploymentId: string, title: string): Promise<ApiItem | undefined> {
  const response = await page.request.get(`/api/deployments/${deploymentId}`);
  const body = (await response.json()) as { phases: { items: ApiItem[] }[] };
  const all = (items: ApiItem[]): ApiItem[] => items.flatMap((i) => [i, ...all(i.children)]);
  return body.phases.flatMap((p) => all(p.items)).find((i) => i.title === title);
}

async function press(page: Page, ...keys: string[]) {
  for (const key of keys) await page.keyboard.press(key);
}

/** A fresh war crew, its DBA signed in on the DBA checklist with the live connection up. */
async function dbaChecklist(browser: Browser) {
  const crew = await seedCrew();
  const dba = await signedIn(browser, crew.people.dba);
  await dba.goto(`/deployments/${crew.deploymentId}/roles/dba`);
  await expectLive(dba);
  return { crew, dba, rows: dba.getByTestId('checklist-item') };
}

const BACKUP = 'Take a verified backup of the payments database';
const RECORD = 'Record the backup size and checksum in the ticket';

test('a role holder presses j j x: the second item is done, on screen and on the server; Space unticks it', async ({
  browser,
}) => {
  const { crew, dba, rows } = await dbaChecklist(browser);
  await expect(rows.nth(0)).toContainText(BACKUP);
  await expect(rows.nth(1)).toContainText(RECORD);

  await press(dba, 'j', 'j', 'x');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'done');
  await expect(rows.nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'pending');
  await expect(dba.locator('[data-testid="checklist-item"][data-selected="true"]')).toHaveCount(1);
  await expect.poll(async () => (await onServer(dba, crew.deploymentId, RECORD))?.status).toBe('done');
  await expect.poll(async () => (await onServer(dba, crew.deploymentId, BACKUP))?.status).toBe('pending');

  await press(dba, ' ');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'pending');
  await expect.poll(async () => (await onServer(dba, crew.deploymentId, RECORD))?.status).toBe('pending');
});

test('clicking a row selects it, and the keys carry on from there', async ({ browser }) => {
  const { crew, dba, rows } = await dbaChecklist(browser);
  await expect(rows.nth(1)).toContainText(RECORD);

  await rows.nth(1).getByText(RECORD, { exact: true }).click();
  await expect(rows.nth(1)).toHaveAttribute('aria-current', 'true');
  await press(dba, 'k', 'x');
  await expect(rows.nth(0)).toHaveAttribute('data-status', 'done');
  await expect(rows.nth(1)).toHaveAttribute('data-status', 'pending');
  await expect.poll(async () => (await onServer(dba, crew.deploymentId, BACKUP))?.status).toBe('done');
});

test('keys never change what the person may not: another role’s item and the next phase are refused with the reason', async ({
  browser,
}) => {
  const crew = await seedCrew();
  const dba = await signedIn(browser, crew.people.dba);
  await dba.goto(`/deployments/${crew.deploymentId}/roles/qa`);
  await expectLive(dba);
  const smoke = item(dba, 'Smoke suite green on staging');

  await press(dba, 'j', 'x');
  await expect(smoke).toHaveAttribute('data-selected', 'true');
  await expect(
    dba.getByRole('alert').filter({ hasText: 'Only the qa role or the incident commander can change this item.' }),
  ).toBeVisible();
  await expect(smoke).toHaveAttribute('data-status', 'pending');

  await press(dba, 'g', 'n');
  await expect(
    dba.getByRole('alert').filter({ hasText: 'Only the incident commander (or an admin) can do this.' }),
  ).toBeVisible();
  await expect
    .poll(async () => (await onServer(dba, crew.deploymentId, 'Smoke suite green on staging'))?.status)
    .toBe('pending');
});

test('? opens the shortcut list as a dialog; keys wait while it is open; Escape closes it and focus returns', async ({
  browser,
}) => {
  const crew = await seedCrew();
  const dba = await signedIn(browser, crew.people.dba);
  await dba.goto(`/deployments/${crew.deploymentId}/roles/dba`);
  await expectLive(dba);
  const overlay = dba.getByRole('dialog', { name: 'Keyboard shortcuts' });

  await press(dba, '?');
  await expect(overlay).toBeVisible();
  await expect(overlay).toContainText('Tick or untick the selected item');
  await expect(overlay).toContainText('Incident commander only');
  await expect(overlay.getByRole('button', { name: 'Close' })).toBeFocused();
  await press(dba, 'j', 'x');
  await press(dba, 'Escape');
  await expect(overlay).toBeHidden();
  await expect(dba.locator('[data-selected="true"]')).toHaveCount(0);
  await expect(item(dba, BACKUP)).toHaveAttribute('data-status', 'pending');

  // The desktop hint opens the same list, and closing it puts focus back on the hint.
  const hint = dba.getByRole('button', { name: 'Press ? for shortcuts' });
  await hint.click();
  await expect(overlay).toBeVisible();
  await press(dba, 'Escape');
  await expect(overlay).toBeHidden();
  await expect(hint).toBeFocused();
});

test('n opens the note of the selected item, and typing x, j or Space in it ticks and moves nothing', async ({
  browser,
}) => {
  const crew = await seedCrew();
  const dba = await signedIn(browser, crew.people.dba);
  await dba.goto(`/deployments/${crew.deploymentId}/roles/dba`);
  await expectLive(dba);
  const backup = item(dba, BACKUP);

  await press(dba, 'j', 'n');
  const note = backup.getByRole('textbox', { name: 'Note' });
  await expect(note).toBeFocused();
  await dba.keyboard.type('x marks the spot j k');
  await expect(note).toHaveValue('x marks the spot j k');
  await expect(backup).toHaveAttribute('data-status', 'pending');
  await expect(backup).toHaveAttribute('data-selected', 'true');

  await backup.getByRole('button', { name: 'Save note' }).click();
  await expect(backup).toContainText('x marks the spot j k');
  await expect(backup).toHaveAttribute('data-status', 'pending');
  await expect.poll(async () => (await onServer(dba, crew.deploymentId, BACKUP))?.note).toBe('x marks the spot j k');
  expect((await onServer(dba, crew.deploymentId, BACKUP))?.status).toBe('pending');

  // Coming back to the item does not reopen its note: only a new n does.
  await press(dba, 'j', 'k');
  await expect(backup).toHaveAttribute('data-selected', 'true');
  await expect(note).toBeHidden();
  await press(dba, 'n');
  await expect(note).toBeFocused();
  await expect(note).toHaveValue('x marks the spot j k');
});

test('the IC moves phases with g n only where the rail’s button would: refused with its reason, else started', async ({
  browser,
}) => {
  const crew = await seedCrew();
  const ic = await signedIn(browser, crew.people.ic);
  await ic.goto(`/deployments/${crew.deploymentId}`);
  await expectLive(ic);
  const first = ic.getByTestId('rail-phase').first();

  await press(ic, 'g', 'n');
  await expect(
    ic
      .getByRole('alert')
      .filter({ hasText: 'The deployment is still planned: start preflight before starting a phase' }),
  ).toBeVisible();
  await expect(first).toHaveAttribute('data-status', 'pending');

  await ic.getByTestId('move-preflight').click();
  await expect(ic.getByTestId('start-phase')).toBeEnabled();
  await press(ic, 'g', 'n');
  await expect(first).toHaveAttribute('data-status', 'active');

  // Completing waits for the items and the gate, as the disabled button does.
  await expect(ic.getByTestId('complete-phase')).toBeDisabled();
  await press(ic, 'g', 'n');
  await expect(ic.getByRole('alert').filter({ hasText: 'can’t be completed yet' })).toBeVisible();
  await expect(first).toHaveAttribute('data-status', 'active');
});

test('on a long (virtualised) checklist, k selects the last step, scrolls it into view, and x ticks it', async ({
  browser,
}) => {
  const crew = await makeLongChecklistCrew();
  const dba = await signedIn(browser, crew.people.dba);
  await dba.goto(`/deployments/${crew.deploymentId}/roles/dba`);
  await expectLive(dba);
  await expect(dba.getByTestId('virtual-checklist')).toBeVisible();
  const last = item(dba, 'Re-index shard 400');
  await expect(last).toHaveCount(0);

  await press(dba, 'k');
  await expect(last).toBeInViewport();
  await expect(last).toHaveAttribute('data-selected', 'true');
  await press(dba, 'k', 'x');
  const before = item(dba, 'Re-index shard 399');
  await expect(before).toBeInViewport();
  await expect(before).toHaveAttribute('data-status', 'done');
  await expect.poll(async () => (await onServer(dba, crew.deploymentId, 'Re-index shard 399'))?.status).toBe('done');
  await expect(last).toHaveAttribute('data-status', 'pending');
});
