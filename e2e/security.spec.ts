import type { Browser } from '@playwright/test';
import { makePerson, type Person } from './support/fixtures';
import { expect, test } from './support/test';

/** Signs in on /sign-in?next=… (a fresh browser each time) and returns where the browser ends up. */
async function signInWithNext(browser: Browser, person: Person, next: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`/sign-in?next=${next}`);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/sign-in');
  await page.waitForLoadState('domcontentloaded');
  const landed = new URL(page.url());
  await context.close();
  return landed;
}

test('sign-in sends people on only to a page of this site, however `next` is spelled', async ({ browser, baseURL }) => {
  const person = await makePerson('Rita Redirect');
  const own = new URL(baseURL!).origin;
  // As typed into the address bar (already URL-encoded where a browser would encode).
  for (const next of [
    '/%5Cevil.example',
    '%2F%2Fevil.example',
    '/%5C/evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    '/%09/evil.example',
    '%0A//evil.example',
    '/.//evil.example',
  ]) {
    const landed = await signInWithNext(browser, person, next);
    expect({ next, origin: landed.origin }).toEqual({ next, origin: own });
    expect({ next, path: landed.pathname }).toEqual({ next, path: '/deployments' });
  }
  // A genuine path of ours is kept.
  const landed = await signInWithNext(browser, person, encodeURIComponent('/templates'));
  expect(`${landed.origin}${landed.pathname}`).toBe(`${own}/templates`);
});
