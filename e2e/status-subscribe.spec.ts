import { icWithShareLink } from './support/fixtures';
import { expect, test } from './support/test';

test('a stakeholder subscribes on the status page; the IC sees the count and sends a test mail', async ({
  browser,
}) => {
  const { crew, ic, link } = await icWithShareLink(browser);

  const mail = ic.getByTestId('status-mail-panel');
  await expect(mail.getByTestId('subscriber-count')).toHaveText('0 confirmed subscribers through the status links');
  await mail.getByRole('button', { name: 'Send test mail' }).click();
  await expect(ic.getByText(`Test mail on its way to ${crew.people.ic.email}.`)).toBeVisible();
  await mail.screenshot({ path: test.info().outputPath('ic-mail-panel.png') });

  // A stakeholder's phone: a wrong address is refused in the form, a right one is asked to confirm.
  const phone = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await phone.goto(link);
  await expect(phone.getByTestId('public-live')).toHaveAttribute('data-status', 'live');
  const form = phone.getByTestId('subscribe-form');
  await form.getByLabel(/Get an email when the go-live/).fill('not an address');
  await form.getByRole('button', { name: 'Subscribe' }).click();
  await expect(form.getByRole('alert')).toHaveText('Enter a valid email address, like name@example.com.');
  await form.screenshot({ path: test.info().outputPath('subscribe-error-phone.png') });
  await form.getByLabel(/Get an email when the go-live/).fill('stakeholder@example.test');
  await form.getByRole('button', { name: 'Subscribe' }).click();
  await expect(phone.getByTestId('subscribe-sent')).toContainText(
    'Check your inbox: we sent a confirmation link to stakeholder@example.test.',
  );
  await phone.screenshot({ path: test.info().outputPath('public-phone.png'), fullPage: true });

  const desktop = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await desktop.goto(link);
  await expect(desktop.getByTestId('subscribe-form')).toBeVisible();
  await desktop.screenshot({ path: test.info().outputPath('public-desktop.png'), fullPage: true });
});
