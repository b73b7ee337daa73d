import { spawn } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { serverArgs } from '../../scripts/server-command.mjs';
import type { Person } from './make-user';
import { seedCrew } from './seed-crew';
import { readState, writeState } from './server-state';

// Seeds run in this worker against the run's database (global setup sets DATABASE_URL), on one
// Prisma client per worker: a process per seed cost ~2.7 s of loading each time.
export { ageSessions } from './age-sessions';
export { makePerson, type Person } from './make-user';
export { seedCrew, type SeededCrew } from './seed-crew';
export { updateItemOffline } from './update-item-offline';

/** A signed-in browser context for one person: a second person is a second context. */
export async function signedIn(
  browser: Browser,
  person: Person,
  viewport = { width: 1280, height: 900 },
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL('**/deployments');
  return page;
}

type RequestOptions = Parameters<Page['request']['post']>[1];

/**
 * The signed-in person's API, called as our own pages call it. Playwright's request context
 * carries the session cookie but, unlike a browser, says nothing of where a write comes from,
 * and War Room refuses a cookie write that says nothing (`assertSameOrigin`).
 */
export function apiAs(page: Page) {
  const origin = new URL(page.url()).origin;
  const withOrigin = (options: RequestOptions = {}) => ({ ...options, headers: { origin, ...options.headers } });
  return {
    get: (url: string, options?: RequestOptions) => page.request.get(url, options),
    post: (url: string, options?: RequestOptions) => page.request.post(url, withOrigin(options)),
    patch: (url: string, options?: RequestOptions) => page.request.patch(url, withOrigin(options)),
  };
}

export async function expectLive(page: Page) {
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-status', 'live');
}

/** A fresh crew's IC on the cockpit (desktop) and DBA on their checklist (phone), both live. */
export async function icAndDbaLive(browser: Browser) {
  const crew = await seedCrew();
  const ic = await signedIn(browser, crew.people.ic);
  const dba = await signedIn(browser, crew.people.dba, { width: 390, height: 844 });
  await ic.goto(`/deployments/${crew.deploymentId}`);
  await dba.goto(`/deployments/${crew.deploymentId}/roles/dba`);
  await expectLive(ic);
  await expectLive(dba);
  return { crew, ic, dba };
}

export function item(page: Page, title: string) {
  return page.locator('[data-testid="checklist-item"]', { hasText: title }).first();
}

/** Kills the server (as a crash would), runs `meanwhile`, then starts it again on the same port. */
export async function restartServer(meanwhile: () => void | Promise<void>) {
  const state = readState();
  process.kill(state.pid, 'SIGKILL');
  for (let i = 0; i < 100; i++) {
    try {
      const response = await fetch(`${state.baseUrl}/api/health`);
      if (!response.ok) break;
    } catch {
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await meanwhile();
  const child = spawn(process.execPath, serverArgs(state.env as NodeJS.ProcessEnv), {
    env: state.env as NodeJS.ProcessEnv,
    stdio: 'ignore',
  });
  writeState({ ...state, pid: child.pid! });
  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`${state.baseUrl}/api/health`)).status;
        } catch {
          return 0;
        }
      },
      { timeout: 60_000 },
    )
    .toBe(200);
}

/** A fresh crew whose IC has the war room open and made a public status link (shown once). */
export async function icWithShareLink(browser: Browser) {
  const crew = await seedCrew();
  const ic = await signedIn(browser, crew.people.ic);
  await ic.goto(`/deployments/${crew.deploymentId}`);
  await expectLive(ic);
  const share = ic.getByTestId('share-links');
  await share.getByRole('button', { name: 'Create link' }).click();
  const link = await share.getByTestId('share-link-url').inputValue();
  return { crew, ic, share, link };
}
