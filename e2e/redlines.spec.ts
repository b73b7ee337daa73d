import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { apiAs, makePerson, signedIn } from './support/fixtures';
import { expect, test } from './support/test';

// A small two-phase runbook with owners and commands (shared with the other redline and version tests).
const RUNBOOK = fs.readFileSync('tests/fixtures/payments-go-live.md', 'utf8');

const SHOTS = process.env.SCREENSHOT_DIR;
async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test(`${label}: a step's redline in a rehearsal is reviewed and accepted on the template page as version 2`, async ({
    browser,
  }) => {
    const person = await makePerson(`Rita Redlines ${label}`);
    const page = await signedIn(browser, person, viewport);

    await page.goto('/import');
    await page.getByLabel('Runbook Markdown').fill(RUNBOOK);
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await page.getByLabel('Template name').fill(`Payments (redlines e2e ${label})`);
    await page.getByRole('button', { name: 'Create template' }).click();
    await page.waitForURL(/\/templates\/[^/]+$/);
    const templateUrl = page.url();

    await page.getByLabel('Name', { exact: true }).fill('Payments dry run');
    await page.getByLabel(/^Rehearsal/).check();
    await page.getByRole('button', { name: 'Start the war room' }).click();
    await page.waitForURL(/\/deployments\/[^/]+$/);
    await expect(page.getByTestId('rehearsal-badge')).toHaveText('REHEARSAL');
    await shot(page, `${label}-war-room-rehearsal`);

    await page.goto(`${page.url()}/roles/dba`);
    const step = page.getByTestId('checklist-item').filter({ hasText: 'Run migrations' });
    await step.getByRole('button', { name: 'Propose a change' }).click();
    const form = step.getByRole('form', { name: 'Propose a change to “Run migrations”' });
    await form.getByLabel('Command').fill('npm run migrate -- --lock-timeout=5s');
    await form.getByLabel('Why (required)').fill('The migration waited 4 minutes on a lock');
    await shot(page, `${label}-propose-form`);
    await form.getByRole('button', { name: 'Propose' }).click();
    await expect(form).toHaveCount(0);

    await page.goto(templateUrl);
    await expect(page.getByTestId('redline-warning')).toContainText('1 unresolved redline from the last run');
    const review = page.getByRole('region', { name: /Redlines from runs/ });
    const redline = review.getByTestId('redline');
    await expect(redline).toContainText('The migration waited 4 minutes on a lock');
    await expect(redline).toContainText('Payments dry run (rehearsal)');
    await shot(page, `${label}-review`);
    await redline.getByRole('button', { name: 'Accept' }).click();
    await expect(review).toContainText('Nothing to review');
    const versions = page.getByTestId('version-history');
    await expect(versions.getByRole('listitem').first()).toContainText('Version 2 — Redline by Rita Redlines');
    await expect(page.getByTestId('redline-warning')).toHaveCount(0);
    await shot(page, `${label}-accepted`);
  });
}

test('a rehearsal driven through its first phase shows on the template page: planned against actual, slowest steps', async ({
  browser,
}) => {
  const person = await makePerson('Tim Timing');
  const page = await signedIn(browser, person, { width: 1280, height: 900 });
  const api = apiAs(page);
  const created = await api.post('/api/templates', { data: { markdown: RUNBOOK, name: 'Payments (timing e2e)' } });
  expect(created.status()).toBe(201);
  const templateId = (await created.json()).id as string;
  const started = await api.post('/api/deployments', {
    data: {
      templateId,
      name: 'Timing rehearsal',
      goLiveAt: new Date(Date.now() + 3_600_000).toISOString(),
      rehearsal: true,
    },
  });
  const id = (await started.json()).id as string;
  expect((await api.post(`/api/deployments/${id}/transitions`, { data: { to: 'preflight' } })).status()).toBe(200);
  const phases = (await (await api.get(`/api/deployments/${id}`)).json()).phases as {
    id: string;
    items: { id: string; version: number }[];
  }[];
  expect((await api.post(`/api/deployments/${id}/phases/${phases[0].id}/start`)).status()).toBe(200);
  for (const item of phases[0].items)
    expect(
      (
        await api.patch(`/api/deployments/${id}/items/${item.id}`, { data: { status: 'done', version: item.version } })
      ).status(),
    ).toBe(200);
  expect((await api.post(`/api/deployments/${id}/phases/${phases[0].id}/complete`)).status()).toBe(200);

  await page.goto(`/templates/${templateId}`);
  const timing = page.getByRole('region', { name: /Timing across runs/ });
  // Go-lives first (none yet), rehearsals apart.
  await expect(timing).toContainText('(0 runs)');
  await timing.getByRole('button', { name: 'Rehearsals' }).click();
  await expect(timing).toContainText('(1 run)');
  await expect(timing.getByTestId('timing-chart').locator('svg').first()).toBeVisible();
  await expect(timing).toContainText('Slowest steps');
  await timing.getByRole('button', { name: 'Go-lives' }).click();
  await expect(timing).toContainText('(0 runs)');
  await shot(page, 'desktop-timing');
});
