import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { icAndDbaLive, item } from './support/fixtures';
import { expect, test } from './support/test';

const LAG = 'Check replication lag is under 1 s';

/** Serious or critical axe findings on what is on screen now, by rule and element. */
async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('pasted output that does not match asks first, then shows amber for the IC live', async ({ browser }) => {
  const { ic, dba } = await icAndDbaLive(browser);
  await expect(ic.getByTestId('evidence-mismatches')).toContainText('No evidence contradicts');

  const step = item(dba, LAG);
  await step.getByRole('button', { name: 'Add evidence' }).click();
  const form = step.getByTestId('evidence-form');
  await form
    .getByLabel('Paste the output')
    .fill('PGPASSWORD=hunter2 psql -c "select lag"\n       lag\n-----------------\n 00:00:04.5\n(1 row)');
  // The person sees, before sending, that it does not match and what will be cut.
  await expect(form.getByTestId('evidence-preview')).toContainText('lag is 00:00:04.5: not < 00:00:01');
  await expect(form.getByTestId('evidence-redaction-preview')).toContainText('1 secret redacted');

  await form.getByRole('button', { name: 'Attach and mark done' }).click();
  const confirm = form.getByRole('alertdialog');
  await expect(confirm).toContainText('does not match the expected output');
  await expect(step).toHaveAttribute('data-status', 'pending');
  await confirm.getByRole('button', { name: 'Mark done anyway' }).click();

  await expect(step).toHaveAttribute('data-status', 'done');
  await expect(step).toHaveAttribute('data-proof', 'mismatch');
  await expect(step.getByTestId('evidence-redacted')).toContainText('1 secret redacted: password or secret');

  // Everyone else sees it live: amber on the IC's checklist, and in the IC's list of mismatches.
  const onCockpit = item(ic, LAG);
  await expect(onCockpit).toHaveAttribute('data-status', 'done');
  await expect(onCockpit).toHaveAttribute('data-proof', 'mismatch');
  await expect(onCockpit).toContainText('Evidence mismatch');
  const mismatch = ic.getByTestId('evidence-mismatch');
  await expect(mismatch).toHaveCount(1);
  await expect(mismatch).toContainText(LAG);
  await expect(mismatch).toContainText('lag is 00:00:04.5: not < 00:00:01');
  await expect(mismatch).toContainText('ticked done anyway');
  await expect(ic.getByTestId('timeline')).toContainText('evidence MISMATCH');
  // The secret never reached the IC's screen.
  await onCockpit.getByText(/^Output/).click();
  await expect(onCockpit.getByTestId('evidence')).toContainText('PGPASSWORD=[REDACTED:password]');
  await expect(onCockpit).not.toContainText('hunter2');

  // The evidence, the amber step, the IC's list and an open form pass axe on a desk and a phone.
  expect(await seriousViolations(ic)).toEqual([]);
  // `e` opens the selected step's evidence form, the text box focused.
  await item(dba, 'Take a verified backup')
    .getByText('Take a verified backup of the payments database', { exact: true })
    .click();
  await dba.keyboard.press('e');
  await expect(dba.getByLabel('Paste the output')).toBeFocused();
  await dba.keyboard.type('0');
  await expect(dba.getByTestId('evidence-preview')).toContainText('expected non-zero');
  expect(await seriousViolations(dba)).toEqual([]);
});
