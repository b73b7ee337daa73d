import { apiAs, icWithShareLink } from './support/fixtures';
import { expect, test } from './support/test';

test('the public status page follows a go-live live without signing in, and 404s once the link is revoked', async ({
  browser,
}) => {
  // The IC makes a link in the cockpit; it is shown once.
  const { crew, ic, share, link } = await icWithShareLink(browser);
  expect(link).toMatch(/\/status\/ws_[A-Za-z0-9_-]+$/);

  // A stakeholder's phone: a fresh browser context with no session at all.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  const opened = await phone.goto(link);
  expect(opened?.status()).toBe(200);
  await expect(phone.getByTestId('public-name')).toContainText(crew.name);
  await expect(phone.getByTestId('public-live')).toHaveAttribute('data-status', 'live');
  await expect(phone.getByTestId('public-state')).toContainText('Planned');
  await expect(phone.getByTestId('public-progress')).toHaveText('0%');

  // Everything below reaches the phone without a reload.
  await ic.getByRole('textbox', { name: 'Status update' }).fill('Pre-flight starting, all metrics green');
  await ic.getByRole('button', { name: 'Post update' }).click();
  await expect(phone.getByTestId('public-updates')).toContainText('Pre-flight starting, all metrics green');

  const api = (path: string, data?: unknown) =>
    apiAs(ic).post(`/api/deployments/${crew.deploymentId}${path}`, { data: data ?? {} });
  expect((await api('/transitions', { to: 'preflight' })).status()).toBe(200);
  await expect(phone.getByTestId('public-state')).toContainText('Preflight');
  const state = await (await ic.request.get(`/api/deployments/${crew.deploymentId}`)).json();
  const first = state.phases[0];
  expect((await api(`/phases/${first.id}/start`)).status()).toBe(200);
  await expect(phone.getByTestId('public-phase')).toHaveText('Pre-flight checks');

  const dba = crew.items.find((i) => i.title === 'Check replication lag is under 1 s')!;
  expect(
    (
      await apiAs(ic).patch(`/api/deployments/${crew.deploymentId}/items/${dba.id}`, {
        data: { status: 'done', version: dba.version },
      })
    ).status(),
  ).toBe(200);
  await expect(phone.getByTestId('public-progress')).not.toHaveText('0%');
  // Outsiders see no names, notes or checklist wording.
  await expect(phone.locator('body')).not.toContainText(crew.people.ic.name);
  await expect(phone.locator('body')).not.toContainText(dba.title);

  // Revoked: the open page says so at once, and loading it again is a 404.
  await share.getByRole('button', { name: 'Revoke' }).first().click();
  await share.getByRole('button', { name: 'Confirm revoking this link' }).click();
  await expect(phone.getByRole('heading', { name: 'This status link is no longer available' })).toBeVisible();
  const again = await phone.goto(link);
  expect(again?.status()).toBe(404);
  await expect(phone.getByRole('heading', { name: /does not exist or was revoked/ })).toBeVisible();
});
