import type { Page } from '@playwright/test';
import { apiAs, expectLive, item, signedIn } from './support/fixtures';
import { makeGoLiveCrew } from './support/make-go-live-crew';
import { expect, test } from './support/test';

// Four signed-in browsers driving one go-live: give the whole story more than the default time.
test.describe.configure({ timeout: 300_000 });

async function open(page: Page, path: string) {
  await page.goto(path);
  await expectLive(page);
}

async function tick(page: Page, title: string) {
  await item(page, title)
    .getByRole('button', { name: /Mark .* done/ })
    .click();
  await expect(item(page, title)).toHaveAttribute('data-status', 'done');
}

test('the IC starts the go-live, holders tick and both sign the gate, the IC proceeds; the stakeholder page follows live', async ({
  browser,
}) => {
  const crew = await makeGoLiveCrew();
  const base = `/deployments/${crew.deploymentId}`;
  const ic = await signedIn(browser, crew.people.ic);
  const dba = await signedIn(browser, crew.people.dba, { width: 390, height: 844 });
  const qa = await signedIn(browser, crew.people.qa);
  const stakeholder = await signedIn(browser, crew.people.stakeholder, { width: 390, height: 844 });
  await open(ic, base);
  await open(dba, `${base}/roles/dba`);
  await open(qa, `${base}/roles/qa`);
  await open(stakeholder, `${base}/status`);

  // The IC starts preflight and the first phase; the stakeholder sees both without reloading.
  await ic.getByTestId('move-preflight').click();
  await expect(stakeholder.getByTestId('status-state')).toContainText('Pre-flight');
  await ic.getByTestId('start-phase').click();
  await expect(stakeholder.getByTestId('status-phase')).toContainText('Pre-flight');
  await expect(stakeholder.getByTestId('status-eta')).toContainText(/^Expected done~\d\d:\d\d UTC/);
  await expect(ic.getByTestId('complete-phase')).toBeDisabled();
  await expect(ic.getByTestId('phase-blockers')).toContainText(
    "Gate 'Go / No-Go' needs Database Admin's and QA Lead's sign-offs",
  );

  // Role holders tick their steps, and sign the gate from their own checklist page.
  await tick(dba, 'Take the database backup');
  await tick(qa, 'Smoke suite green on staging');
  await tick(ic, 'Open the bridge');
  await dba.getByTestId('pending-signoffs').getByTestId('approve-dba').click();
  await expect(ic.locator('[data-testid="signoff-row"][data-role="dba"]')).toHaveAttribute('data-decision', 'approve');
  await expect(ic.getByTestId('gate-panel').first()).toHaveAttribute('data-status', 'waiting');
  await qa.getByTestId('pending-signoffs').getByTestId('approve-qa').click();

  // The last approval opens the gate everywhere; the IC completes the phase and goes on.
  await expect(ic.getByTestId('gate-panel').first()).toHaveAttribute('data-status', 'open');
  await expect(stakeholder.locator('[data-testid="gate-panel"]').first()).toHaveAttribute('data-status', 'open');
  await expect(dba.getByTestId('pending-signoffs')).toHaveCount(0);
  await expect(ic.getByTestId('complete-phase')).toBeEnabled();
  await ic.getByTestId('complete-phase').click();
  await ic.getByTestId('start-phase').click();
  await ic.getByTestId('move-in_progress').click();

  await expect(stakeholder.getByTestId('status-state')).toContainText('In progress');
  await expect(stakeholder.getByTestId('status-phase')).toContainText('Cutover');
  await expect(stakeholder.getByTestId('status-headlines')).toContainText('gate “Go / No-Go” is open — GO');
  await expect(stakeholder.getByTestId('status-headlines')).toContainText('started phase “Cutover”');
  // Read-only: no controls, no sign-off comments, no checklist notes.
  await expect(stakeholder.getByRole('button', { name: /GO|Override|Start|Complete|Hold|Roll back/ })).toHaveCount(0);
  await expect(stakeholder.getByTestId('checklist-item')).toHaveCount(0);

  // The full timeline lists the decisions, filterable by person.
  await ic.goto(`${base}/timeline`);
  await expect(ic.getByTestId('full-timeline')).toContainText('approved gate “Go / No-Go” as Database Admin');
  await ic.getByTestId('filter-person').selectOption({ label: 'Quinn QA' });
  await expect(ic.getByTestId('full-timeline').getByTestId('timeline-entry')).toHaveCount(3);
  await expect(ic.getByTestId('full-timeline')).not.toContainText('Dana DBA');
  // And the record is the one written: the server recomputes every event's link in the chain.
  const count = (await ic.getByTestId('timeline-count').textContent())!.match(/of (\d+) events/)![1];
  await ic.getByTestId('record-check').click();
  await expect(ic.getByTestId('record-check-outcome')).toContainText(`✓ Intact: ${count} events`);
  await expect(ic.getByTestId('record-check-head')).toHaveText(/^[0-9a-f]{64}$/);
  // An auditor holding the report's head pastes its line: the record still passes through it.
  const report = await (await apiAs(ic).get(`/api${base}/report.md`)).text();
  await ic.getByText('Compare with a head you kept').click();
  await ic.getByTestId('kept-head').fill(report.match(/^Chain head: .*$/m)![0]);
  await ic.getByTestId('record-check').click();
  await expect(ic.getByTestId('record-check-compared')).toContainText('still has the hash you kept');
});

test('the IC declares a rollback: every role gets the rollback checklist, and completing it ends the deployment rolled back', async ({
  browser,
}) => {
  const crew = await makeGoLiveCrew();
  const base = `/deployments/${crew.deploymentId}`;
  const ic = await signedIn(browser, crew.people.ic);
  const dba = await signedIn(browser, crew.people.dba, { width: 390, height: 844 });
  const qa = await signedIn(browser, crew.people.qa);
  await open(ic, base);
  await open(dba, `${base}/roles/dba`);
  await open(qa, `${base}/roles/qa`);

  await ic.getByTestId('move-preflight').click();
  await ic.getByTestId('start-phase').click();
  await expect(ic.locator('[data-testid="rail-phase"][data-status="active"]')).toContainText('Pre-flight');

  await ic.getByTestId('move-rolling_back').click();
  const dialog = ic.getByTestId('rollback-dialog');
  await dialog.getByRole('radio', { name: /Level 2/ }).check();
  await expect(dialog.getByRole('button', { name: /Declare rollback/ })).toBeDisabled();
  await dialog.getByLabel('Why roll back?').fill('Error rate 6 % after the cutover');
  await dialog.getByRole('button', { name: /Declare rollback/ }).click();

  // Every role sees it at once: the banner, and the rollback checklist on top, marked current.
  for (const page of [ic, dba, qa]) {
    await expect(page.getByTestId('rollback-banner')).toContainText('ROLLING BACK');
    await expect(page.getByTestId('rollback-banner')).toContainText('Error rate 6 % after the cutover');
  }
  const dbaFirst = dba.getByTestId('checklist-phase').first();
  await expect(dbaFirst).toContainText('Rollback');
  await expect(dbaFirst).toContainText('current');
  await expect(dbaFirst).toContainText('Revert the migration');

  await tick(dba, 'Revert the migration');
  await tick(qa, 'Smoke suite green on the old version');
  await expect(ic.getByTestId('complete-phase')).toBeEnabled();
  await ic.getByTestId('complete-phase').click();

  for (const page of [ic, dba, qa]) await expect(page.getByTestId('final-banner')).toContainText('ROLLED BACK');
  await ic.goto(`${base}/timeline`);
  const rollback = ic.locator('[data-testid="timeline-entry"][data-type="rollback.declared"]');
  await expect(rollback).toContainText('ROLLBACK');
  await expect(rollback).toContainText('declared a major rollback — Error rate 6 % after the cutover');
});
