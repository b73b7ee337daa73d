import { CHECKOUT_RUNBOOK } from '../tests/support/runbooks';
import { apiAs, makePerson, signedIn } from './support/fixtures';
import { makeTimingRuns } from './support/make-timing-runs';
import { expect, test } from './support/test';

const RUNBOOK = CHECKOUT_RUNBOOK;

for (const [label, viewport] of [
  ['desktop', { width: 1280, height: 900 }],
  ['phone', { width: 390, height: 844 }],
] as const) {
  test(`${label}: a phase that ran over in three go-lives is offered a new plan; accepting it saves version 2`, async ({
    browser,
  }) => {
    const person = await makePerson(`Tina Timing ${label}`);
    const page = await signedIn(browser, person, viewport);
    const created = await apiAs(page).post('/api/templates', {
      data: { markdown: RUNBOOK, name: `Checkout (timing e2e ${label})` },
    });
    expect(created.status()).toBe(201);
    const templateId = (await created.json()).id as string;
    // Deploy took 30, 35 and 40 minutes against its 20; Preparation 25 of its 30; one rehearsal.
    await makeTimingRuns(templateId, person.id);

    await page.goto(`/templates/${templateId}`);
    const timing = page.getByRole('region', { name: /Timing across runs/ });
    await expect(timing).toContainText('(3 runs)');
    await expect(timing.getByTestId('timing-chart').locator('svg').first()).toBeVisible();
    await expect(timing).toContainText(
      '“Phase 2: Deploy” ran over its 20 min in most runs (median 35, p90 40). Plan 40 min?',
    );
    await expect(timing.getByRole('list', { name: 'Slowest steps' }).getByRole('listitem').first()).toContainText(
      'Run migrations',
    );
    // The start form, for a go-live: completed go-lives only.
    const sentence = page.getByTestId('runs-sentence');
    await expect(sentence).toHaveText('Runs of this template took 55–65 min (p90 65); this plan allows 50.');
    await page.screenshot({ path: `test-results/template-timing-${label}.png`, fullPage: true });

    await timing.getByRole('button', { name: 'Plan 40 min' }).click();
    const versions = page.getByTestId('version-history');
    await expect(versions.getByRole('listitem').first()).toContainText(
      'Version 2 — Planned duration of “Phase 2: Deploy” 20 → 40 min (timing across runs)',
    );
    await expect(timing.getByRole('button', { name: 'Plan 40 min' })).toHaveCount(0);
    // Either version downloads as Markdown.
    const v1 = versions.getByRole('link', { name: /Markdown of version 1$/ });
    await expect(v1).toHaveAttribute('href', `/api/templates/${templateId}/export.md?version=1`);
    const exported = await page.request.get(`/api/templates/${templateId}/export.md?version=1`);
    expect(await exported.text()).toMatch(/Deploy[^\n]*20 min/);
    await expect(sentence).toHaveText('Runs of this template took 55–65 min (p90 65); this plan allows 70.');

    // Rehearsals apart: on the chart's switch and in the start form once Rehearsal is ticked.
    await timing.getByRole('button', { name: 'Rehearsals' }).click();
    await expect(timing).toContainText('(1 run)');
    await page.getByLabel(/^Rehearsal/).check();
    await expect(sentence).toHaveText('Runs of this template took 20 min (p90 20); this plan allows 70.');
  });
}
