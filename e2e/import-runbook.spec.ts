import fs from 'node:fs';
import { item, makePerson, signedIn } from './support/fixtures';
import { expect, test } from './support/test';

const CANARY = fs.readFileSync('tests/fixtures/runbooks/canary-go-live-procedures.md', 'utf8');

test('import a runbook, fix a role mapping, create the template, start a deployment and see the role checklist', async ({
  browser,
}) => {
  const person = await makePerson('Imogen Importer');
  const page = await signedIn(browser, person);

  await page.getByRole('link', { name: 'Import', exact: true }).click();
  await page.waitForURL('**/import');
  await page.getByLabel('Runbook Markdown').fill(CANARY);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();

  const stats = page.getByTestId('preview-stats');
  await expect(stats.locator('[data-stat="items"] dd')).toHaveText('130');
  await expect(stats.locator('[data-stat="gates"] dd')).toHaveText('2');
  // Warnings sit next to the line they are about.
  await expect(page.getByTestId('import-warnings')).toContainText('line 151');
  await expect(page.getByTestId('preview-phase').filter({ hasText: 'Phase 2: Deployment' })).toContainText(
    'T0 · 30 min',
  );

  // The runbook's "Database Admin" becomes the role key `dba`, with a friendlier name.
  const dbaCard = page.locator('[data-testid="role-mapping"][data-role-key="database-admin"]');
  // 4 steps the runbook gives the DBA, 12 more suggested to the same role.
  await expect(dbaCard).toContainText('16 items');
  await dbaCard.getByLabel('Role key for “Database Admin”').fill('dba');
  await expect(page.getByText('re-parse before creating')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create template' })).toBeDisabled();
  await page.getByRole('button', { name: 'Re-parse with this mapping' }).click();
  const mapped = page.locator('[data-testid="role-mapping"][data-role-key="dba"]');
  await expect(mapped).toContainText('16 items');
  await mapped.getByLabel('Name of role dba').fill('Database Administrator');

  await page.getByLabel('Template name').fill('Canary go-live (e2e)');
  await page.getByRole('button', { name: 'Create template' }).click();
  await page.waitForURL(/\/templates\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Canary go-live (e2e)');
  await expect(page.getByText('Database Administrator').first()).toBeVisible();
  await expect(page.getByRole('link', { name: /Export to Markdown/ })).toHaveAttribute('href', /\/export\.md$/);

  await page.getByLabel('Name', { exact: true }).fill('Checkout canary');
  await page.getByLabel('Version').fill('3.1.0');
  await page.getByLabel('Go-live date (UTC)').fill('2030-03-01');
  await page.getByLabel('Go-live time (UTC, 24 h)').fill('12:30');
  await page.getByRole('button', { name: 'Start the war room' }).click();
  await page.waitForURL(/\/deployments\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Checkout canary');
  await expect(page.getByText('go-live 2030-03-01 12:30Z')).toBeVisible();
  await expect(page.getByTestId('download-report')).toHaveAttribute('href', /\/report\.md$/);

  await page.goto(`${page.url()}/roles/dba`);
  await expect(page.getByText('Checklist · Database Administrator')).toBeVisible();
  for (const title of ['Migrations tested', 'Backups verified', 'Restore procedures tested', 'Performance optimized']) {
    await expect(item(page, title)).toBeVisible();
  }
  // The IC may tick any role's item.
  await item(page, 'Migrations tested')
    .getByRole('button', { name: /Mark .* done/ })
    .click();
  await expect(item(page, 'Migrations tested')).toHaveAttribute('data-status', 'done');

  // The template is now in use: deleting it is refused with the reason.
  await page.goto('/templates');
  const card = page.getByTestId('template-card').filter({ hasText: 'Canary go-live (e2e)' });
  await expect(card).toContainText('used by 1 deployment');
  await card.getByRole('button', { name: 'Delete' }).click();
  await card.getByRole('button', { name: /Delete “Canary go-live \(e2e\)”/ }).click();
  await expect(card.getByRole('alert')).toContainText('Checkout canary');
});
