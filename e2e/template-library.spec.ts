import { CHECKOUT_RUNBOOK } from '../tests/support/runbooks';
import { apiAs, makePerson, signedIn } from './support/fixtures';
import { expect, test } from './support/test';

test('a search finds a template by name as you type, and says when nothing matches', async ({ browser }) => {
  const person = await makePerson('Lena Library');
  const page = await signedIn(browser, person);
  const tag = crypto.randomUUID().slice(0, 8);
  for (const name of [`Mainframe cut-over ${tag}`, `Payroll freeze ${tag}`]) {
    const created = await apiAs(page).post('/api/templates', { data: { markdown: CHECKOUT_RUNBOOK, name } });
    expect(created.status()).toBe(201);
  }

  await page.goto('/templates');
  const cards = page.getByTestId('template-card');
  await page.getByLabel('Find a template').fill(`CUT-OVER ${tag}`);
  await expect(page.getByTestId('template-count')).toHaveText(`1 template matching “CUT-OVER ${tag}”.`);
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText(`Mainframe cut-over ${tag}`);

  await page.getByLabel('Find a template').fill(`Nothing ${tag}`);
  await expect(page.getByTestId('template-count')).toHaveText(`No template matches “Nothing ${tag}”.`);
  await expect(cards).toHaveCount(0);

  await page.getByLabel('Find a template').fill(tag);
  await expect(page.getByTestId('template-count')).toHaveText(`2 templates matching “${tag}”.`);
  await expect(cards.first()).toContainText(`Payroll freeze ${tag}`);
});
