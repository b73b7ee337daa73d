import fs from 'node:fs';
import { makePerson, signedIn } from './support/fixtures';
import { expect, test } from './support/test';

test('an admin invites someone, who accepts in their own browser and lands signed in; deactivated, they are thrown out', async ({
  browser,
}) => {
  const admin = await makePerson('Ada Inviter', { admin: true });
  const adminPage = await signedIn(browser, admin);
  await adminPage.getByRole('link', { name: 'Users', exact: true }).click();
  await adminPage.waitForURL('**/settings/users');

  const email = `invited-${Date.now()}@example.test`;
  await adminPage.getByLabel('Email').fill(email);
  await adminPage.getByRole('button', { name: 'Create invite link' }).click();
  const link = (await adminPage.getByTestId('invite-link').textContent())!.trim();
  expect(link).toContain('/invite/');
  await expect(adminPage.getByTestId('invitation-row').filter({ hasText: email })).toBeVisible();

  // The invited person: a fresh browser context, no session.
  const person = await (await browser.newContext()).newPage();
  await person.goto(link);
  await expect(person.getByText(email)).toBeVisible();
  await person.getByLabel('Your name').fill('Ivo Invited');
  await person.getByLabel('Password').fill('a-long-password');
  await person.getByRole('button', { name: 'Create account and sign in' }).click();
  await person.waitForURL('**/deployments');
  await expect(person.getByRole('navigation')).toContainText('Ivo Invited');

  // The link is used up.
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await expect(again.getByTestId('invitation-dead')).toContainText('already used');

  // The admin sees the new person and deactivates them.
  await adminPage.reload();
  await expect(adminPage.getByTestId('invitation-row').filter({ hasText: email })).toHaveCount(0);
  // However many accounts there are, a search finds them: it also makes them pickable in the history.
  await adminPage.getByLabel('Find a person').fill(email);
  await expect(adminPage.getByTestId('people-count')).toHaveText(`1 person matching “${email}”.`);
  const row = adminPage.getByTestId('user-row').filter({ hasText: email });
  await expect(adminPage.getByTestId('user-row')).toHaveCount(1);
  await row.getByRole('button', { name: 'Deactivate Ivo Invited' }).click();
  await expect(row).toContainText('deactivated');
  // Among the deactivated, not among the active.
  const show = adminPage.getByRole('combobox', { name: 'Show', exact: true });
  await show.selectOption('Deactivated');
  await expect(adminPage.getByTestId('people-count')).toHaveText(`1 deactivated person matching “${email}”.`);
  await show.selectOption('Active');
  await expect(adminPage.getByTestId('people-count')).toHaveText(`No active person matches “${email}”.`);
  await expect(adminPage.getByTestId('user-row')).toHaveCount(0);
  await show.selectOption('Everyone');

  // The account history says who did each of it, newest first, as it happens.
  const history = adminPage.getByTestId('account-event').filter({ hasText: email });
  await expect(history).toHaveText([
    /Ada Inviter deactivated invited-/,
    /Ivo Invited accepted the invitation · invited-/,
    /Ada Inviter invited invited-/,
  ]);
  // One person's history: the same three lines, and nothing about anyone else.
  await adminPage.getByLabel('Whose').selectOption({ label: `Ivo Invited (${email})` });
  await expect(adminPage.getByTestId('account-event')).toHaveCount(3);
  await expect(adminPage.getByTestId('account-event').first()).toContainText('Ada Inviter deactivated invited-');
  // And as a spreadsheet for an auditor: the same three, oldest first.
  const [download] = await Promise.all([
    adminPage.waitForEvent('download'),
    adminPage.getByTestId('download-account-history').click(),
  ]);
  const csv = fs
    .readFileSync((await download.path())!, 'utf8')
    .trim()
    .split('\r\n');
  expect(csv.slice(1).map((line) => line.split(',')[4])).toEqual([
    'invitation.created',
    'invitation.accepted',
    'account.deactivated',
  ]);
  // The history is the one written, line for line: the server checks its chain on request.
  await adminPage.getByTestId('record-check').click();
  await expect(adminPage.getByTestId('record-check-outcome')).toContainText(/✓ Intact: \d+ lines/);

  // Their next step lands on sign-in, and signing in again is refused with the reason.
  await person.goto('/deployments');
  await person.waitForURL('**/sign-in**');
  await person.getByLabel('Email').fill(email);
  await person.getByLabel('Password').fill('a-long-password');
  await person.getByRole('button', { name: 'Sign in' }).click();
  await expect(person.getByText('This account has been deactivated')).toBeVisible();
});
