import { test as base } from '@playwright/test';

/**
 * Playwright's `test`, closing after each test every browser context it opened (signedIn opens
 * one per person): an open war-room page keeps its socket and its polls running, and would load
 * the server through the rest of the run.
 */
export const test = base.extend<{ closeContexts: void }>({
  closeContexts: [
    async ({ browser }, use) => {
      await use();
      await Promise.all(browser.contexts().map((context) => context.close()));
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
