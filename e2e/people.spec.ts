import { expectLive, item, seedCrew, signedIn } from './support/fixtures';
import { expect, test } from './support/test';

test('the IC invites a newcomer into a role; the newcomer opens the link, sets a password and lands in the deployment holding it', async ({
  browser,
}) => {
  const crew = await seedCrew();
  const ic = await signedIn(browser, crew.people.ic);
  await ic.goto(`/deployments/${crew.deploymentId}`);
  await expectLive(ic);

  const invite = ic.getByTestId('invite-to-role');
  const email = `newcomer-${Date.now()}@example.test`;
  await invite.getByLabel('Email', { exact: true }).fill(email);
  await invite.getByLabel('Role', { exact: true }).selectOption('dba');
  await invite.getByRole('button', { name: 'Invite' }).click();
  const link = (await invite.getByTestId('invite-link').textContent())!.trim();
  expect(link).toContain('/invite/');
  await expect(invite.getByTestId('pending-invitation').filter({ hasText: email })).toBeVisible();

  // The newcomer: a browser of their own, no account, no session.
  const newcomer = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await newcomer.goto(link);
  await expect(newcomer.getByTestId('invitation-summary')).toContainText(crew.name);
  await expect(newcomer.getByTestId('invitation-summary')).toContainText('Database Admin');
  await newcomer.getByLabel('Your name').fill('Nico Newcomer');
  await newcomer.getByLabel('Password').fill('a-long-password');
  await newcomer.getByRole('button', { name: 'Create account and sign in' }).click();
  await newcomer.waitForURL(`**/deployments/${crew.deploymentId}/roles/dba`);
  await expectLive(newcomer);

  // They hold the role: its steps are theirs to tick.
  const step = item(newcomer, 'Check replication lag is under 1 s');
  await step.getByRole('button', { name: /Mark .* done/ }).click();
  await expect(step).toHaveAttribute('data-status', 'done');

  // The IC sees them arrive, and the invitation is no longer pending.
  await expect(ic.getByTestId('people')).toContainText('Nico Newcomer');
  await expect(invite.getByTestId('pending-invitation')).toHaveCount(0);
  await expect(ic.getByTestId('timeline')).toContainText('accepted the invitation and joined as');
});

test('the IC revokes a pending invitation, and its link then says so', async ({ browser }) => {
  const crew = await seedCrew();
  const ic = await signedIn(browser, crew.people.ic);
  await ic.goto(`/deployments/${crew.deploymentId}`);
  const invite = ic.getByTestId('invite-to-role');
  const email = `revoked-${Date.now()}@example.test`;
  await invite.getByLabel('Email', { exact: true }).fill(email);
  await invite.getByLabel('Role', { exact: true }).selectOption('qa');
  await invite.getByRole('button', { name: 'Invite' }).click();
  const link = (await invite.getByTestId('invite-link').textContent())!.trim();
  await invite.getByRole('button', { name: `Revoke the invitation of ${email} to QA Lead` }).click();
  await expect(invite.getByTestId('pending-invitation').filter({ hasText: email })).toHaveCount(0);

  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(link);
  await expect(stranger.getByTestId('invitation-dead')).toContainText('withdrawn');
});

test('people without the IC role see who holds which role, but no invite form', async ({ browser }) => {
  const crew = await seedCrew();
  const dba = await signedIn(browser, crew.people.dba);
  await dba.goto(`/deployments/${crew.deploymentId}`);
  await expect(dba.getByTestId('people')).toContainText('Dana DBA');
  await expect(dba.getByTestId('invite-to-role')).toHaveCount(0);
});
