import fs from 'node:fs';
import { expectLive, item, makePerson, seedCrew, signedIn } from './support/fixtures';
import { expect, test } from './support/test';

/** A runbook with no owners gets a team: suggestions at import, a section moved by hand, and that role's checklist. */

const BLUE_GREEN = fs.readFileSync('tests/fixtures/runbooks/blue-green-cutover-tasks.md', 'utf8');
const row = (page: import('@playwright/test').Page, title: string) =>
  page.getByTestId('owner-row').filter({ hasText: title });
const count = (page: import('@playwright/test').Page, key: string) =>
  page.locator(`[data-testid="owner-role"][data-role-key="${key}"] [data-testid="owner-role-count"]`);

test("import a runbook with no owners, see the suggestions, move a section, and find it in that role's checklist", async ({
  browser,
}, testInfo) => {
  const person = await makePerson('Rhea Roles');
  const page = await signedIn(browser, person);
  await page.goto('/import');
  await page.getByLabel('Runbook Markdown').fill(BLUE_GREEN);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();

  // Suggested owners, marked as such, with the reason on hover.
  const migrations = row(page, 'T1184 Run database schema migrations');
  await expect(migrations).toContainText('DBA');
  await expect(migrations.getByTestId('suggested-mark')).toHaveAttribute(
    'title',
    /^Suggested: step mentions "database/,
  );
  for (const key of ['dba', 'devops', 'qa', 'monitoring', 'comms', 'tech-lead'])
    await expect(count(page, key)).not.toHaveText('0 steps');

  await page.getByTestId('owner-editor').scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('import-owners-desktop.png'), fullPage: false });

  // Click, shift-click, keyboard.
  await row(page, 'T1137 Verify all integration tests passing').click();
  await row(page, 'T1139 Verify all performance benchmarks met').click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('selected-count')).toHaveText('3 selected');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('selected-count')).toHaveText('0 selected');
  await row(page, 'T1140 Verify all security scans clean').focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Shift+ArrowDown');
  await expect(page.getByTestId('selected-count')).toHaveText('2 selected');
  await page.getByRole('button', { name: 'Clear' }).click();

  // A whole section to QA: the counts follow, and the moved steps are no longer "suggested".
  const qaBefore = Number((await count(page, 'qa').textContent())!.split(' ')[0]);
  await page.getByLabel('Select section “Communication Plan”').check();
  await expect(page.getByTestId('selected-count')).toHaveText('5 selected');
  await page.getByLabel('Role to move the selected steps to').selectOption('qa');
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(count(page, 'qa')).toHaveText(`${qaBefore + 5} steps`);
  await expect(row(page, 'T1171 Set up deployment status page')).toContainText('QA');
  await expect(row(page, 'T1171 Set up deployment status page').getByTestId('suggested-mark')).toHaveCount(0);

  // A new role, then removed again: its steps go where the user says.
  await page.getByLabel('New role name').fill('Security Lead');
  await page.getByRole('button', { name: 'Add role' }).click();
  await expect(count(page, 'security-lead')).toHaveText('0 steps');
  await page.getByRole('button', { name: 'Remove role Security Lead' }).click();
  await page.getByRole('button', { name: 'Remove role', exact: true }).click();
  await expect(page.locator('[data-testid="owner-role"][data-role-key="security-lead"]')).toHaveCount(0);

  await page.getByLabel('Template name').fill('Blue-green with owners (e2e)');
  await page.getByRole('button', { name: 'Create template' }).click();
  await page.waitForURL(/\/templates\/[^/]+$/);
  await page.getByLabel('Name', { exact: true }).fill('Blue-green cutover');
  await page.getByLabel('Version').fill('10.0.0');
  await page.getByLabel('Go-live date (UTC)').fill('2030-04-01');
  await page.getByLabel('Go-live time (UTC, 24 h)').fill('08:00');
  await page.getByRole('button', { name: 'Start the war room' }).click();
  await page.waitForURL(/\/deployments\/[^/]+$/);

  await page.goto(`${page.url()}/roles/qa`);
  for (const title of [
    'T1170 Create deployment communication templates',
    'T1173 Set up war room for deployment (physical/virtual)',
    'T1137 Verify all integration tests passing',
  ]) {
    await expect(item(page, title)).toBeVisible();
  }
  await expect(item(page, 'T1184 Run database schema migrations')).toHaveCount(0);
});

test('owners set by hand survive a re-parse after the runbook text changed', async ({ browser }) => {
  const page = await signedIn(browser, await makePerson('Rory Reparse'));
  await page.goto('/import');
  await page.getByLabel('Runbook Markdown').fill(BLUE_GREEN);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  const migrations = row(page, 'T1184 Run database schema migrations');
  await expect(migrations).toContainText('DBA');
  await migrations.click();
  await page.getByLabel('Role to move the selected steps to').selectOption('qa');
  await page.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(migrations).toContainText('QA');

  // A fix in the text (a step inserted at the very top moves every step's place in the list).
  const fixed = BLUE_GREEN.replace(/^(- \[ \] )/m, '$1T0001 Announce the change freeze\n$1');
  expect(fixed).not.toBe(BLUE_GREEN);
  await page.getByLabel('Runbook Markdown').fill(fixed);
  await page.getByRole('button', { name: 'Preview again' }).click();
  await expect(page.getByTestId('carried-owners')).toHaveText('Kept the owners you set by hand for 1 step.');
  await expect(row(page, 'T0001 Announce the change freeze')).toBeVisible();
  await expect(migrations).toContainText('QA');
  await expect(migrations.getByTestId('suggested-mark')).toHaveCount(0);
});

test('the import preview reads on a phone', async ({ browser }, testInfo) => {
  const person = await makePerson('Pia Phone');
  const page = await signedIn(browser, person, { width: 390, height: 844 });
  await page.goto('/import');
  await page.getByLabel('Runbook Markdown').fill(BLUE_GREEN);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByTestId('owner-editor')).toBeVisible();
  await page.getByTestId('owner-editor').scrollIntoViewIfNeeded();
  // Nothing wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: testInfo.outputPath('import-owners-phone.png') });
});

test("in a running war room the IC moves a step from its menu, and both roles' checklists follow live", async ({
  browser,
}) => {
  const crew = await seedCrew();
  const ic = await signedIn(browser, crew.people.ic);
  const dba = await signedIn(browser, crew.people.dba);
  const qa = await signedIn(browser, crew.people.qa, { width: 390, height: 844 });
  await ic.goto(`/deployments/${crew.deploymentId}/roles/dba`);
  await dba.goto(`/deployments/${crew.deploymentId}/roles/dba`);
  await qa.goto(`/deployments/${crew.deploymentId}/roles/qa`);
  for (const page of [ic, dba, qa]) await expectLive(page);
  const title = 'Check replication lag is under 1 s';
  await expect(item(dba, title)).toBeVisible();
  // Role holders get no menu; the IC does.
  await expect(item(dba, title).getByTestId('reassign-menu')).toHaveCount(0);

  await item(ic, title).getByTestId('reassign-menu').locator('summary').click();
  await item(ic, title).getByRole('menuitem', { name: 'QA Lead' }).click();
  await expect(ic.getByText(`Moved “${title}” to QA Lead.`)).toBeVisible();
  // The IC was looking at the DBA's list: the step has left it.
  await expect(item(ic, title)).toHaveCount(0);

  await expect(item(dba, title)).toHaveCount(0);
  await expect(item(qa, title)).toBeVisible();
  await item(qa, title)
    .getByRole('button', { name: /Mark .* done/ })
    .click();
  await expect(item(qa, title)).toHaveAttribute('data-status', 'done');
});
