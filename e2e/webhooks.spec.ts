import { createHmac } from 'node:crypto';
import type { Page } from '@playwright/test';
import { webhookReceiver } from '../tests/support/webhook-receiver';
import { apiAs, makePerson, seedCrew, signedIn } from './support/fixtures';
import { expect, test } from './support/test';

/**
 * A webhook receiver on loopback (the e2e server sets WEBHOOK_ALLOW_PRIVATE): `url` answers 200,
 * `brokenUrl` 500.
 */
async function startReceiver() {
  const receiver = webhookReceiver({ '/hooks/broken': [500] });
  const base = await receiver.start();
  return {
    url: `${base}/hooks/war-room`,
    brokenUrl: `${base}/hooks/broken`,
    host: new URL(base).host,
    of: (topic: string) =>
      receiver.received.filter((r) => r.headers['x-warroom-event'] === topic && r.path === '/hooks/war-room'),
    stop: receiver.stop,
  };
}

const signature = (secret: string, raw: string) => `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;

async function addWebhook(page: Page, url: string) {
  const form = page.getByTestId('webhook-form');
  await form.getByLabel('Endpoint URL').fill(url);
  await form.getByRole('button', { name: 'Add webhook' }).click();
  const secret = (await page.getByTestId('webhook-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^whsec_/);
  return secret;
}

async function deleteWebhook(page: Page, url: string) {
  const hook = page.getByTestId('webhook').filter({ hasText: url });
  await hook.getByRole('button', { name: /^Delete the webhook/ }).click();
  await hook.getByRole('button', { name: /^Confirm deleting/ }).click();
  await expect(hook).toHaveCount(0);
}

test('the IC adds a webhook, sees its secret once and watches a signed delivery arrive', async ({ browser }) => {
  const receiver = await startReceiver();
  try {
    const crew = await seedCrew();
    const ic = await signedIn(browser, crew.people.ic);
    await ic.goto(`/deployments/${crew.deploymentId}`);
    await expect(ic.getByTestId('notifications-card')).toContainText('No webhooks');
    await ic.getByRole('navigation', { name: 'War-room views' }).getByRole('link', { name: 'Notifications' }).click();
    await ic.waitForURL(`**/deployments/${crew.deploymentId}/notifications`);
    await expect(ic.getByTestId('no-webhooks')).toBeVisible();

    // The form checks with the API's schema and says what is wrong.
    const form = ic.getByTestId('webhook-form');
    await form.getByLabel('Endpoint URL').fill('ftp://example.com/hook');
    await form.getByRole('button', { name: 'Add webhook' }).click();
    await expect(ic.getByTestId('webhook-form-error')).toContainText('Give an http(s) URL.');
    for (const label of [
      'Phase started',
      'Go / no-go decided',
      'Rollback declared',
      'Status update posted',
      'Deployment finished',
    ]) {
      await expect(form.getByRole('checkbox', { name: new RegExp(`^${label}`) })).toBeChecked();
    }

    const secret = await addWebhook(ic, receiver.url);
    await expect(ic.getByTestId('webhook-secret-panel')).toContainText('X-WarRoom-Signature: sha256=<hex>');
    await expect(ic.getByRole('button', { name: 'Copy secret' })).toBeVisible();
    const hook = ic.getByTestId('webhook').filter({ hasText: receiver.url });
    await expect(hook.getByRole('list', { name: 'Events sent' }).getByRole('listitem')).toHaveCount(7);
    await expect(hook.getByTestId('no-deliveries')).toBeVisible();

    // Shown once: a reload lists the webhook but never its secret.
    await ic.reload();
    await expect(hook).toBeVisible();
    await expect(ic.getByTestId('webhook-secret')).toHaveCount(0);
    expect(await ic.content()).not.toContain(secret);

    // A status update from the cockpit goes out, signed with that secret.
    await ic.getByRole('link', { name: 'Cockpit' }).click();
    await ic.getByRole('textbox', { name: 'Status update' }).fill('Canary at 25 %, all metrics green');
    await ic.getByRole('button', { name: 'Post update' }).click();
    await expect.poll(() => receiver.of('status.posted').length).toBe(1);
    const [posted] = receiver.of('status.posted');
    expect(posted.headers['x-warroom-signature']).toBe(signature(secret, posted.raw));
    expect(JSON.parse(posted.raw)).toMatchObject({
      topic: 'status.posted',
      deployment: { id: crew.deploymentId },
      event: { data: { message: 'Canary at 25 %, all metrics green' } },
    });

    await ic.getByRole('navigation', { name: 'War-room views' }).getByRole('link', { name: 'Notifications' }).click();
    const delivery = hook.getByTestId('delivery').filter({ hasText: 'Status update posted' });
    await expect(delivery).toHaveAttribute('data-status', 'delivered');
    await expect(delivery).toContainText('Delivered');
    await expect(delivery).toContainText('1 attempt');
    await expect(delivery).toContainText('HTTP 200');

    // While the page stays open, the next event's delivery appears on its own.
    const call = (path: string, data: unknown = {}) =>
      apiAs(ic).post(`/api/deployments/${crew.deploymentId}${path}`, { data });
    expect((await call('/transitions', { to: 'preflight' })).status()).toBe(200);
    const state = await (await ic.request.get(`/api/deployments/${crew.deploymentId}`)).json();
    expect((await call(`/phases/${state.phases[0].id}/start`)).status()).toBe(200);
    await expect(hook.getByTestId('delivery').filter({ hasText: 'Phase started' })).toHaveAttribute(
      'data-status',
      'delivered',
    );
    const [started] = receiver.of('phase.started');
    expect(started.headers['x-warroom-signature']).toBe(signature(secret, started.raw));

    await deleteWebhook(ic, receiver.url);
    await expect(ic.getByTestId('no-webhooks')).toBeVisible();
  } finally {
    await receiver.stop();
  }
});

test('the IC pauses, resumes and tests a webhook from its card', async ({ browser }) => {
  const receiver = await startReceiver();
  try {
    const crew = await seedCrew();
    const ic = await signedIn(browser, crew.people.ic);
    const base = `/deployments/${crew.deploymentId}`;
    await ic.goto(`${base}/notifications`);
    const secret = await addWebhook(ic, receiver.url);
    await ic.getByRole('button', { name: 'I saved it' }).click();
    const hook = ic.getByTestId('webhook').filter({ hasText: receiver.url });

    // A test arrives signed like a delivery, and is not listed as one.
    await hook.getByRole('button', { name: `Send test to ${receiver.host}` }).click();
    await expect(ic.getByRole('status').filter({ hasText: 'Test delivered (HTTP 200)' })).toBeVisible();
    const [test] = receiver.of('test');
    expect(test.headers['x-warroom-signature']).toBe(signature(secret, test.raw));
    expect(test.body).toMatchObject({
      topic: 'test',
      deployment: { id: crew.deploymentId },
      text: expect.stringContaining('Test notification from War Room'),
    });
    await expect(hook.getByTestId('no-deliveries')).toBeVisible();

    await hook.getByRole('button', { name: /^Pause the webhook/ }).click();
    await expect(hook).toHaveAttribute('data-active', 'false');
    await expect(hook).toContainText('Paused');
    await expect(hook.getByTestId('webhook-paused-note')).toBeVisible();
    await ic.reload();
    await expect(hook).toHaveAttribute('data-active', 'false');
    const { webhooks } = await (await ic.request.get(`/api/deployments/${crew.deploymentId}/webhooks`)).json();
    const deliveries = async () =>
      (
        await (
          await ic.request.get(`/api/deployments/${crew.deploymentId}/webhooks/${webhooks[0].id}/deliveries`)
        ).json()
      ).deliveries;
    const post = async (message: string) =>
      expect(
        (await apiAs(ic).post(`/api/deployments/${crew.deploymentId}/status-updates`, { data: { message } })).status(),
      ).toBe(201);
    await post('Sent while paused');
    // Deliveries are queued in the write's own transaction: none now means none ever.
    expect(await deliveries()).toEqual([]);

    await hook.getByRole('button', { name: /^Resume the webhook/ }).click();
    await expect(hook).toHaveAttribute('data-active', 'true');
    await expect(hook).toContainText('Active');
    await expect(hook.getByTestId('webhook-paused-note')).toHaveCount(0);
    await post('Sent after resuming');
    await expect(hook.getByTestId('delivery').filter({ hasText: 'Status update posted' })).toHaveAttribute(
      'data-status',
      'delivered',
    );
    expect(
      receiver.of('status.posted').map((r) => (r.body.event as { data: { message: string } }).data.message),
    ).toEqual(['Sent after resuming']);

    await ic.goto(`${base}/timeline`);
    await expect(ic.getByTestId('full-timeline')).toContainText(
      `paused the webhook to ${new URL(receiver.url).hostname}`,
    );
    await expect(ic.getByTestId('full-timeline')).toContainText(
      `resumed the webhook to ${new URL(receiver.url).hostname}`,
    );

    // A receiver that fails says so, in words.
    await ic.goto(`${base}/notifications`);
    await addWebhook(ic, receiver.brokenUrl);
    await ic
      .getByTestId('webhook')
      .filter({ hasText: receiver.brokenUrl })
      .getByRole('button', { name: `Send test to ${receiver.host}` })
      .click();
    await expect(
      ic.getByRole('alert').filter({ hasText: `Test failed: ${receiver.host} answered HTTP 500` }),
    ).toBeVisible();

    // A real delivery that gives up says since when the receiver has been failing, here and in the cockpit.
    await post('Nobody hears this one');
    const broken = ic.getByTestId('webhook').filter({ hasText: receiver.brokenUrl });
    await expect(broken.getByTestId('delivery')).toHaveAttribute('data-status', 'failed');
    await expect(broken.getByTestId('webhook-failing')).toContainText(
      /Failing since \d{4}-\d\d-\d\d \d\d:\d\dZ: 1 delivery failed/,
    );
    await ic.goto(base);
    await expect(ic.getByTestId('notifications-card')).toContainText(
      /1 failed since the last delivery, failing since \d\d:\d\dZ/,
    );
  } finally {
    await receiver.stop();
  }
});

test('other roles get no link and a refusal; only admins reach the global webhooks', async ({ browser }) => {
  const crew = await seedCrew();
  const dba = await signedIn(browser, crew.people.dba);
  await expect(dba.getByRole('link', { name: 'API tokens' })).toBeVisible();
  await expect(dba.getByRole('link', { name: 'Webhooks', exact: true })).toHaveCount(0);
  await dba.goto(`/deployments/${crew.deploymentId}`);
  const views = dba.getByRole('navigation', { name: 'War-room views' });
  await expect(views.getByRole('link', { name: 'Timeline' })).toBeVisible();
  await expect(views.getByRole('link', { name: 'Notifications' })).toHaveCount(0);
  await expect(dba.getByTestId('notifications-card')).toHaveCount(0);

  await dba.goto(`/deployments/${crew.deploymentId}/notifications`);
  await expect(dba.getByTestId('not-allowed')).toContainText('Only the incident commander (or an admin)');
  await expect(dba.getByTestId('webhook-form')).toHaveCount(0);
  expect((await dba.request.get(`/api/deployments/${crew.deploymentId}/webhooks`)).status()).toBe(403);

  await dba.goto('/settings/webhooks');
  await expect(dba.getByTestId('not-allowed')).toContainText('Only an admin');
  await expect(dba.getByTestId('webhook-form')).toHaveCount(0);
});

test('an admin adds a webhook for every deployment and sees where its deliveries came from', async ({ browser }) => {
  const receiver = await startReceiver();
  try {
    const admin = await signedIn(browser, await makePerson('Ada Admin', { admin: true }));
    await admin.getByRole('link', { name: 'Webhooks', exact: true }).click();
    await admin.waitForURL('**/settings/webhooks');
    await expect(admin.getByRole('heading', { name: 'Webhooks for every deployment' })).toBeVisible();

    // Only the one topic: a global hook hears every war room this run makes from now on.
    const form = admin.getByTestId('webhook-form');
    await form.getByRole('button', { name: 'Clear all' }).click();
    await form.getByRole('button', { name: 'Add webhook' }).click();
    await expect(admin.getByTestId('webhook-form-error')).toHaveText(
      '⚠ Give an http(s) URL. Choose at least one event.',
    );
    await form.getByRole('checkbox', { name: /^Status update posted/ }).check();
    const secret = await addWebhook(admin, receiver.url);
    const hook = admin.getByTestId('webhook').filter({ hasText: receiver.url });
    await expect(hook.getByRole('list', { name: 'Events sent' }).getByRole('listitem')).toHaveText([
      'Status update posted',
    ]);

    const crew = await seedCrew();
    const posted = await apiAs(admin).post(`/api/deployments/${crew.deploymentId}/status-updates`, {
      data: { message: 'Cutover done' },
    });
    expect(posted.status()).toBe(201);
    const delivery = hook.getByTestId('delivery').filter({ hasText: 'Status update posted' });
    await expect(delivery).toHaveAttribute('data-status', 'delivered');
    await expect(delivery.getByRole('link', { name: 'war room' })).toHaveAttribute(
      'href',
      `/deployments/${crew.deploymentId}`,
    );
    const [heard] = receiver.of('status.posted');
    expect(heard.headers['x-warroom-signature']).toBe(signature(secret, heard.raw));

    // The same controls on a global webhook; its test names no deployment.
    await hook.getByRole('button', { name: `Send test to ${receiver.host}` }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'Test delivered (HTTP 200)' })).toBeVisible();
    expect(receiver.of('test')[0].body).toMatchObject({
      topic: 'test',
      deployment: null,
      text: expect.stringMatching(/^\[War Room\] /),
    });
    await hook.getByRole('button', { name: /^Pause the webhook/ }).click();
    await expect(hook).toHaveAttribute('data-active', 'false');
    await hook.getByRole('button', { name: /^Resume the webhook/ }).click();
    await expect(hook).toHaveAttribute('data-active', 'true');

    // Rehearsals stay quiet outside unless the card says otherwise.
    const rehearsals = hook.getByRole('checkbox', { name: 'Also send events of rehearsals' });
    await expect(rehearsals).not.toBeChecked();
    await expect(hook.getByTestId('webhook-rehearsals')).toContainText('Sent for go-lives only.');
    // The box follows the server's answer (it is disabled until then), so click and wait, not check().
    await rehearsals.click();
    await expect(rehearsals).toBeChecked();
    await expect(hook.getByTestId('webhook-rehearsals')).toContainText('Sent for go-lives and rehearsals.');
    await admin.reload();
    await expect(rehearsals).toBeChecked();
    await admin.screenshot({ path: 'test-results/webhook-rehearsals-desktop.png', fullPage: true });
    await admin.setViewportSize({ width: 390, height: 844 });
    await expect(rehearsals).toBeVisible();
    await admin.screenshot({ path: 'test-results/webhook-rehearsals-phone.png', fullPage: true });
    await admin.setViewportSize({ width: 1280, height: 900 });

    await deleteWebhook(admin, receiver.url);
  } finally {
    await receiver.stop();
  }
});
