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

test('Show keeps the library to the templates one made, with or without a search', async ({ browser }) => {
  const [person, colleague] = [await makePerson('Mo Maker'), await makePerson('Col League')];
  const tag = crypto.randomUUID().slice(0, 8);
  for (const [who, name] of [
    [person, `Payroll freeze ${tag}`],
    [colleague, `Payroll thaw ${tag}`],
  ] as const) {
    const page = await signedIn(browser, who);
    expect((await apiAs(page).post('/api/templates', { data: { markdown: CHECKOUT_RUNBOOK, name } })).status()).toBe(
      201,
    );
  }

  const page = await signedIn(browser, person, { width: 390, height: 844 });
  await page.goto('/templates');
  const cards = page.getByTestId('template-card');
  await page.getByLabel('Find a template').fill(tag);
  await expect(page.getByTestId('template-count')).toHaveText(`2 templates matching “${tag}”.`);
  await page.getByRole('combobox', { name: 'Show', exact: true }).selectOption('Made by me');
  await expect(page.getByTestId('template-count')).toHaveText(`1 template you made matching “${tag}”.`);
  await expect(cards).toHaveCount(1);
  await expect(cards).toContainText(`Payroll freeze ${tag}`);
  await expect(cards).toContainText('by Mo Maker');

  // Without the search: every template this person made (only the one), none of anyone else's.
  await page.getByLabel('Find a template').fill('');
  await expect(page.getByTestId('template-count')).toHaveText('1 template you made.');
  await expect(cards).toContainText(`Payroll freeze ${tag}`);
  await page.screenshot({ path: 'test-results/templates-made-by-me-phone.png', fullPage: true });
});
