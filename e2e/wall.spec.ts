import type { Page } from '@playwright/test';
import {
  apiAs,
  expectLive,
  icWithShareLink,
  restartServer,
  seedCrew,
  signedIn,
  updateItemOffline,
} from './support/fixtures';
import { expect, test } from './support/test';

/** A wall needs no scrolling: everything it says is inside the screen. */
async function fitsTheScreen(page: Page) {
  const overflow = await page.evaluate(() => {
    const root = document.scrollingElement!;
    return { y: root.scrollHeight - window.innerHeight, x: root.scrollWidth - window.innerWidth };
  });
  expect(overflow.y).toBeLessThanOrEqual(0);
  expect(overflow.x).toBeLessThanOrEqual(0);
}

test('the public wall fills a TV, follows the go-live live and resumes by itself after a server restart', async ({
  browser,
}) => {
  const { crew, ic, share, link } = await icWithShareLink(browser);
  await expect(share.getByTestId('share-link-follow').getByRole('link', { name: 'Wall' })).toHaveAttribute(
    'href',
    `${new URL(link).pathname}/wall`,
  );

  // The TV: no session, 1920×1080.
  const tv = await (await browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
  const opened = await tv.goto(`${link}/wall`);
  expect(opened?.status()).toBe(200);
  const wall = tv.getByTestId('wall');
  await expect(tv.getByTestId('wall-name')).toContainText(crew.name);
  await expect(wall.getByRole('status')).toHaveText('live');
  await expect(tv.getByTestId('wall-state')).toContainText('Planned');
  await expect(tv.getByTestId('wall-clock')).toHaveText(/^T[-+]/);
  await fitsTheScreen(tv);

  await ic.getByRole('textbox', { name: 'Status update' }).fill('Pre-flight starting, all metrics green');
  await ic.getByRole('button', { name: 'Post update' }).click();
  await expect(tv.getByTestId('wall-updates')).toContainText('Pre-flight starting, all metrics green');
  await expect(wall).not.toContainText(crew.people.ic.name);

  // The server dies and comes back; meanwhile a step is ticked. The wall catches up untouched.
  const qa = crew.items.find((i) => i.title === 'Smoke suite green on staging')!;
  await restartServer(async () => {
    await expect(wall.getByRole('status')).toHaveText('reconnecting');
    await updateItemOffline(crew.deploymentId, qa.id, crew.people.qa.id, 'done');
  });
  await expect(wall.getByRole('status')).toHaveText('live');
  await expect(tv.getByTestId('wall-progress')).not.toHaveText('0%');

  // A smaller meeting-room screen still fits.
  await tv.setViewportSize({ width: 1280, height: 720 });
  await fitsTheScreen(tv);
});

test("the war room's own wall names who is online and follows ticks live", async ({ browser }) => {
  const crew = await seedCrew();
  const ic = await signedIn(browser, crew.people.ic, { width: 1280, height: 720 });
  await ic.goto(`/deployments/${crew.deploymentId}`);
  await ic.getByRole('navigation', { name: 'War-room views' }).getByRole('link', { name: 'Wall' }).click();
  await ic.waitForURL(`**/deployments/${crew.deploymentId}/wall`);
  const wall = ic.getByTestId('wall');
  await expect(ic.getByTestId('wall-name')).toContainText(crew.name);
  await expect(wall.getByRole('status')).toHaveText('live');
  await expect(ic.getByTestId('wall-online')).toContainText(crew.people.ic.name);
  await fitsTheScreen(ic);

  const dba = await signedIn(browser, crew.people.dba);
  await dba.goto(`/deployments/${crew.deploymentId}/roles/dba`);
  await expectLive(dba);
  await expect(ic.getByTestId('wall-online')).toContainText(crew.people.dba.name);
  const step = crew.items.find((i) => i.title === 'Check replication lag is under 1 s')!;
  const ticked = await apiAs(dba).patch(`/api/deployments/${crew.deploymentId}/items/${step.id}`, {
    data: { status: 'done', version: step.version },
  });
  expect(ticked.status()).toBe(200);
  await expect(ic.getByTestId('wall-progress')).not.toHaveText('0%');

  // Samples arrive: the key charts appear under the health level and follow them live, worst first.
  const push = (samples: { series: string; value: number }[]) =>
    apiAs(ic).post(`/api/deployments/${crew.deploymentId}/metrics`, {
      data: { samples: samples.map((s) => ({ ...s, ts: Date.now() })) },
    });
  expect(
    (
      await push([
        { series: 'error_rate', value: 0.2 },
        { series: 'p95_latency', value: 120 },
      ])
    ).status(),
  ).toBe(202);
  const charts = ic.getByTestId('wall-chart');
  await expect(ic.locator('[data-testid="wall-chart"][data-series="error_rate"]')).toContainText('0.2 %● ok');
  await expect(charts.first()).toHaveAttribute('data-zone', '1');
  expect((await push([{ series: 'p95_latency', value: 3000 }])).status()).toBe(202);
  await expect(charts.first()).toHaveAttribute('data-series', 'p95_latency');
  await expect(charts.first()).toContainText('critical');
  // Its warn and critical bands are shaded behind the line.
  await expect(charts.first().locator('.recharts-reference-area').first()).toBeAttached();
  await fitsTheScreen(ic);
});
