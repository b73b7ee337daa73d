import fs from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import { getPrisma } from '../lib/server/db';
import {
  apiAs,
  expectLive,
  item,
  makePerson,
  type Person,
  seedCrew,
  type SeededCrew,
  signedIn,
} from './support/fixtures';
import { makeFinishedRooms } from './support/make-finished-rooms';
import { expect, test } from './support/test';

/**
 * Every main screen, on a desk and on a phone, passes axe with no serious or critical violation
 * (what blocks or badly hinders someone using a screen reader, a keyboard or low vision).
 * Minor and moderate findings are left to judgement.
 */

const VIEWPORTS = { desktop: { width: 1280, height: 800 }, phone: { width: 390, height: 844 } };

type Viewport = (typeof VIEWPORTS)[keyof typeof VIEWPORTS];
type Context = { browser: Browser; crew: SeededCrew; admin: Person; viewport: Viewport };

/** Each screen: how a user reaches it, and what shows it has finished loading. */
const SCREENS: Record<string, (c: Context) => Promise<Page>> = {
  // The first screen anyone sees, here with its refusal showing.
  'sign-in': async ({ browser, viewport }) => {
    const page = await (await browser.newContext({ viewport })).newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('nobody@acme.test');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect(page.getByText('That email and password do not match an account.')).toBeVisible();
    return page;
  },
  'deployments list': async ({ browser, crew, viewport }) => {
    // More finished go-lives than a page holds, found by a search, so the pages' links are read too.
    const past = `Past ${crypto.randomUUID().slice(0, 8)}`;
    await makeFinishedRooms(crew.people.ic.id, 51, past);
    // The newest was a rehearsal: its card carries the REHEARSAL badge.
    await getPrisma().deployment.updateMany({ where: { name: `${past} 0` }, data: { rehearsal: true } });
    const page = await signedIn(browser, crew.people.ic, viewport);
    await expect(page.getByRole('heading', { name: 'Deployments', level: 1 })).toBeVisible();
    await page.getByLabel('Find a go-live').fill(past);
    await page.getByLabel('Find a go-live').press('Enter');
    await expect(page.getByRole('link', { name: 'Show all' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Older go-lives' })).toBeVisible();
    return page;
  },
  'IC cockpit': async ({ browser, crew, viewport }) => {
    const page = await signedIn(browser, crew.people.ic, viewport);
    await page.goto(`/deployments/${crew.deploymentId}`);
    await expectLive(page);
    await expect(page.getByTestId('share-links')).toBeVisible();
    return page;
  },
  'role checklist': async ({ browser, crew, viewport }) => {
    const page = await signedIn(browser, crew.people.dba, viewport);
    await page.goto(`/deployments/${crew.deploymentId}/roles/dba`);
    await expectLive(page);
    await expect(item(page, 'Check replication lag is under 1 s')).toBeVisible();
    return page;
  },
  timeline: async ({ browser, crew, viewport }) => {
    const page = await signedIn(browser, crew.people.ic, viewport);
    await page.goto(`/deployments/${crew.deploymentId}/timeline`);
    await expect(page.getByTestId('timeline-entry').first()).toBeVisible();
    // With the record's check showing, compared with the head it names: both outcomes are read too.
    await page.getByTestId('record-check').click();
    await expect(page.getByTestId('record-check-outcome')).toContainText('✓ Intact');
    const head = await page.getByTestId('record-check-head').textContent();
    const count = (await page.getByTestId('record-check-outcome').textContent())!.match(/Intact: (\d+)/)![1];
    await page.getByText('Compare with a head you kept').click();
    await page.getByTestId('kept-head').fill(`#${count} ${head}`);
    await page.getByTestId('record-check').click();
    await expect(page.getByTestId('record-check-compared')).toContainText('still has the hash you kept');
    return page;
  },
  'stakeholder page': async ({ browser, crew, viewport }) => {
    const page = await signedIn(browser, crew.people.stakeholder, viewport);
    await page.goto(`/deployments/${crew.deploymentId}/status`);
    await expect(page.getByTestId('stakeholder-status')).toBeVisible();
    await expect(page.getByTestId('status-phase-row').first()).toBeVisible();
    return page;
  },
  'public status page': async ({ browser, crew, viewport }) => {
    const ic = await signedIn(browser, crew.people.ic, viewport);
    const created = await apiAs(ic).post(`/api/deployments/${crew.deploymentId}/share-links`, { data: {} });
    expect(created.status()).toBe(201);
    const { url } = await created.json();
    const page = await (await browser.newContext({ viewport })).newPage();
    await page.goto(url);
    await expect(page.getByTestId('public-live')).toHaveAttribute('data-status', 'live');
    return page;
  },
  'war-room wall': async ({ browser, crew, viewport }) => {
    const page = await signedIn(browser, crew.people.ic, viewport);
    await page.goto(`/deployments/${crew.deploymentId}/wall`);
    await expect(page.getByTestId('wall').getByRole('status')).toHaveText('live');
    return page;
  },
  'import, with a preview': async ({ browser, admin, viewport }) => {
    const page = await signedIn(browser, admin, viewport);
    await page.goto('/import');
    await page
      .getByLabel('Runbook Markdown')
      .fill(fs.readFileSync('tests/fixtures/runbooks/canary-go-live-procedures.md', 'utf8'));
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    await expect(page.getByTestId('preview-stats')).toBeVisible();
    return page;
  },
  templates: async ({ browser, admin, viewport }) => {
    const page = await signedIn(browser, admin, viewport);
    const name = `Canary go-live ${crypto.randomUUID().slice(0, 8)}`;
    const markdown = fs.readFileSync('tests/fixtures/runbooks/canary-go-live-procedures.md', 'utf8');
    expect((await apiAs(page).post('/api/templates', { data: { markdown, name } })).status()).toBe(201);
    await page.goto('/templates');
    await page.getByLabel('Find a template').fill(name);
    await expect(page.getByTestId('template-count')).toHaveText(`1 template matching “${name}”.`);
    return page;
  },
  'API tokens': async ({ browser, admin, viewport }) => {
    const page = await signedIn(browser, admin, viewport);
    await page.goto('/settings/tokens');
    await expect(page.getByRole('button', { name: 'Create token' })).toBeVisible();
    return page;
  },
  // The admin's people screen, its account history holding the invitation just made.
  users: async ({ browser, admin, viewport }) => {
    const page = await signedIn(browser, admin, viewport);
    await page.goto('/settings/users');
    await page.getByLabel('Email').fill(`axe-${viewport.width}-${Date.now()}@example.test`);
    await page.getByRole('button', { name: 'Create invite link' }).click();
    await expect(page.getByTestId('account-event').first()).toContainText('Ada Accessible invited axe-');
    await page.getByTestId('record-check').click();
    await expect(page.getByTestId('record-check-outcome')).toContainText('✓ Intact');
    await page.getByLabel('Find a person').fill('Ada Accessible');
    await expect(page.getByTestId('people-count')).toContainText('matching “Ada Accessible”');
    return page;
  },
  webhooks: async ({ browser, admin, viewport }) => {
    const page = await signedIn(browser, admin, viewport);
    await page.goto('/settings/webhooks');
    await expect(page.getByTestId('webhooks').or(page.getByTestId('no-webhooks')).first()).toBeVisible();
    return page;
  },
};

/** One violation per paragraph: rule, impact, what to do, and each element with axe's own summary. */
function readable(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) {
  return violations
    .map((v) => {
      const nodes = v.nodes.map(
        (n) =>
          `  - ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
      );
      return `[${v.impact}] ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes.join('\n')}`;
    })
    .join('\n\n');
}

let crew: SeededCrew;
let admin: Person;
test.beforeAll(async () => {
  crew = await seedCrew();
  admin = await makePerson('Ada Accessible', { admin: true });
});

/** Dark is the default (3 a.m.); light is one click away (the theme toggle) and checked on the desk. */
const MODES = [
  { name: 'desktop', viewport: VIEWPORTS.desktop, light: false },
  { name: 'phone', viewport: VIEWPORTS.phone, light: false },
  { name: 'desktop, light', viewport: VIEWPORTS.desktop, light: true },
];

for (const { name: size, viewport, light } of MODES) {
  for (const [screen, open] of Object.entries(SCREENS)) {
    test(`${screen} (${size}) has no serious or critical accessibility violation and fits the screen`, async ({
      browser,
    }) => {
      const page = await open({ browser, crew, admin, viewport });
      // As the theme toggle leaves it (components/layout/theme-toggle.tsx).
      if (light) await page.evaluate(() => document.documentElement.classList.remove('dark'));
      const results = await new AxeBuilder({ page }).analyze();
      const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(serious.length, `${screen} at ${viewport.width}×${viewport.height}:\n\n${readable(serious)}\n`).toBe(0);
      // And nothing wider than the screen: a page that scrolls sideways on a phone hides its edge.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
      // SCREENSHOT_DIR=<folder>: every screen in every mode as a PNG, to look at what was built.
      if (process.env.SCREENSHOT_DIR)
        await page.screenshot({ path: `${process.env.SCREENSHOT_DIR}/${screen} (${size}).png`, fullPage: true });
    });
  }
}
