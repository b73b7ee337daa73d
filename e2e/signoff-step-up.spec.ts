import { ageSessions, expectLive, seedCrew, signedIn } from './support/fixtures';
import { expect, test } from './support/test';

test('a stale session is asked for the password before a NO-GO; the comment survives and the sign-off lands', async ({
  browser,
}) => {
  const crew = await seedCrew();
  const dba = await signedIn(browser, crew.people.dba);
  await dba.goto(`/deployments/${crew.deploymentId}/roles/dba`);
  await expectLive(dba);
  await ageSessions(crew.people.dba.id);

  const gate = dba.getByTestId('pending-signoffs').getByTestId('gate-panel').first();
  await gate.getByTestId('reject-dba').click();
  const reject = dba.getByTestId('reject-dialog');
  await reject.getByRole('textbox').fill('Replica lag is 40 s, wait for it to catch up');
  await reject.getByRole('button', { name: /Reject/ }).click();

  // The server wants the password first: the dialog asks, a wrong one is refused in words.
  const reauth = dba.getByTestId('reauth-dialog');
  await expect(reauth).toBeVisible();
  await reauth.getByLabel('Password').fill('not-my-password');
  await reauth.getByRole('button', { name: 'Confirm and record' }).click();
  await expect(reauth.getByTestId('reauth-error')).toContainText('password is not right');
  await expect(gate.locator('[data-testid="signoff-row"][data-role="dba"]')).toHaveAttribute(
    'data-decision',
    'pending',
  );

  await reauth.getByLabel('Password').fill(crew.people.dba.password);
  await reauth.getByRole('button', { name: 'Confirm and record' }).click();

  // The same NO-GO, with the comment as typed, is recorded; both dialogs close.
  await expect(gate.locator('[data-testid="signoff-row"][data-role="dba"]')).toHaveAttribute('data-decision', 'reject');
  await expect(gate).toContainText('“Replica lag is 40 s, wait for it to catch up”');
  await expect(reauth).toHaveCount(0);
  await expect(reject).toHaveCount(0);
});
