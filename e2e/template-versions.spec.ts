import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { makePerson, signedIn } from './support/fixtures';
import { expect, test } from './support/test';

// A small two-phase runbook with owners and commands (shared with the other redline and version tests).
const RUNBOOK = fs.readFileSync('tests/fixtures/payments-go-live.md', 'utf8');
/** No serious or critical axe finding on the screen as it is (as e2e/accessibility.spec.ts asks of every screen). */
async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    what,
  ).toEqual([]);
}

const FIXED = RUNBOOK.replace('npm run migrate', 'npm run migrate -- --lock-timeout=5s');

test('re-import a runbook into its template: the history shows version 2, the diff shows the change, and a returning IC is told what changed since their last run', async ({
  browser,
}) => {
  const person = await makePerson('Valentina Versions');
  const page = await signedIn(browser, person);

  // Version 1: imported from Markdown.
  await page.goto('/import');
  await page.getByLabel('Runbook Markdown').fill(RUNBOOK);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await page.getByLabel('Template name').fill('Payments go-live (versions e2e)');
  await page.getByRole('button', { name: 'Create template' }).click();
  await page.waitForURL(/\/templates\/[^/]+$/);
  const templateUrl = page.url();
  const versions = page.getByTestId('version-history');
  await expect(versions.getByRole('listitem')).toHaveCount(1);
  await expect(versions).toContainText('Version 1 — Imported from Markdown');

  // A war room from version 1: it pins that version.
  await page.getByLabel('Name', { exact: true }).fill('Payments 4.2');
  await page.getByRole('button', { name: 'Start the war room' }).click();
  await page.waitForURL(/\/deployments\/[^/]+$/);
  await expect(page.getByText('runbook version 1')).toBeVisible();

  // The runbook, fixed after the go-live, imported into the same template.
  await page.goto(templateUrl);
  await expect(page.getByRole('status').filter({ hasText: 'changed since your last run' })).toHaveCount(0);
  const form = page.getByTestId('import-version');
  // A click that lands before the page has hydrated opens nothing (a loaded run showed it): click
  // until the form is there.
  await expect(async () => {
    if (await form.isVisible()) return;
    await page.getByRole('button', { name: 'Import a new version of this runbook' }).click({ timeout: 2000 });
    await expect(form).toBeVisible({ timeout: 2000 });
  }).toPass();
  await form.getByLabel('Runbook Markdown').fill(FIXED);
  await form.getByLabel('What changed, in one line').fill('Lock timeout on migrations');
  await form.getByRole('button', { name: 'Save as a new version' }).click();

  await expect(versions.getByRole('listitem')).toHaveCount(2);
  await expect(versions.getByRole('listitem').first()).toContainText('Version 2 — Lock timeout on migrations');
  await expect(versions.getByRole('listitem').first()).toContainText('Valentina Versions');

  // The start form's release "Version" field stays the only thing on the page labelled so.
  await expect(page.getByLabel('Version')).toHaveCount(1);
  await versions.getByRole('button', { name: 'What changed in version 2' }).click();
  await expect(page.getByLabel('Version')).toHaveCount(1);
  const diff = versions.getByTestId('version-diff');
  await expect(diff).toContainText('Version 1 → version 2: 1 change.');
  await expect(diff).toContainText('Changed');
  await expect(diff).toContainText('step “Run migrations” › command');
  await expect(diff).toContainText('npm run migrate');
  await expect(diff).toContainText('npm run migrate -- --lock-timeout=5s');
  await page.screenshot({ path: 'test-results/template-versions-desktop.png', fullPage: true });
  await expectAccessible(page, 'the template page with a diff open');

  // Starting the next war room: the template changed since this person's last run (version 1).
  await page.reload();
  const notice = page.getByRole('status').filter({ hasText: 'changed since your last run' });
  await expect(notice).toContainText('“Payments 4.2” used version 1, it is now version 2');
  await notice.getByRole('button', { name: 'What changed since your last run' }).click();
  const dialog = page.getByTestId('since-last-run');
  await expect(dialog.getByTestId('version-diff')).toContainText('npm run migrate -- --lock-timeout=5s');
  await expectAccessible(page, 'what changed since your last run');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // On a phone the two versions stack.
  const phone = await signedIn(browser, person, { width: 390, height: 844 });
  await phone.goto(templateUrl);
  const phoneVersions = phone.getByTestId('version-history');
  await phoneVersions.getByRole('button', { name: 'What changed in version 2' }).click();
  await expect(phoneVersions.getByTestId('version-diff')).toContainText('--lock-timeout=5s');
  const sides = phoneVersions.getByTestId('version-diff').getByText(/^Version [12]$/);
  const [left, right] = [await sides.nth(0).boundingBox(), await sides.nth(1).boundingBox()];
  expect(right!.y).toBeGreaterThan(left!.y);
  await phone.screenshot({ path: 'test-results/template-versions-phone.png', fullPage: true });
  await expectAccessible(phone, 'the diff on a phone');
});
