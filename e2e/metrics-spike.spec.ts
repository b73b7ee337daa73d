import { expectLive, seedCrew, signedIn } from './support/fixtures';
import { expect, test } from './support/test';

// The spike scenario reaches "roll back now" about 65 s after it starts (30 s calm, then a 30 s
// sustain window on the error rate): give the whole story three minutes.
test.setTimeout(180_000);

test("the spike scenario drives the IC screen from level 1 to level 3, and a role holder's strip shows the same", async ({
  browser,
}) => {
  const crew = await seedCrew();
  const ic = await signedIn(browser, crew.people.ic, { width: 1400, height: 900 });
  const dba = await signedIn(browser, crew.people.dba, { width: 390, height: 844 });
  await ic.goto(`/deployments/${crew.deploymentId}`);
  await dba.goto(`/deployments/${crew.deploymentId}/roles/dba`);
  await expectLive(ic);
  await expectLive(dba);
  await expect(ic.getByText('Level 1 · Keep going')).toBeVisible();
  await expect(dba.getByTestId('health-strip')).toHaveAttribute('data-level', '1');

  // The IC starts pre-flight (a planned deployment has nothing to roll back) and the rehearsal.
  await ic.getByTestId('move-preflight').click();
  await expect(dba.getByText('Pre-flight').first()).toBeVisible();
  await ic.getByText('Metric sources').click();
  await ic.getByLabel('Scenario').selectOption('spike');
  await ic.getByRole('button', { name: 'Start simulator' }).click();
  await expect(ic.getByTestId('simulator-status')).toContainText('Running “spike”');

  // Live charts fill in on both screens.
  const errorChart = ic.locator('[data-testid="metric-chart"][data-series="error_rate"]');
  await expect(errorChart.getByTestId('metric-value')).toHaveText(/%$/, { timeout: 15_000 });
  await expect(dba.locator('[data-testid="strip-tile"][data-series="error_rate"]')).toContainText('%', {
    timeout: 15_000,
  });

  // Then the error rate jumps, and after its sustain window the recommendation is "roll back now".
  const banner = ic.getByTestId('health-banner');
  await expect(banner).toHaveAttribute('data-level', '3', { timeout: 120_000 });
  await expect(banner).toContainText('Level 3 · Roll back now');
  await expect(banner.getByTestId('health-reasons')).toContainText(/error rate [\d.]+ % > 10 % for \d+/);
  await expect(errorChart).toHaveAttribute('data-zone', '3');
  // Its critical threshold is shaded behind the line, now that the line has climbed into it.
  await expect(errorChart.locator('.recharts-reference-area').first()).toBeAttached();
  const declare = ic.getByRole('button', { name: /Declare rollback/ });
  await expect(declare).toBeVisible();

  // The role holder's strip says the same, without the IC's controls.
  const strip = dba.getByTestId('health-strip');
  await expect(strip).toHaveAttribute('data-level', '3');
  await expect(strip).toContainText('Roll back now');
  await expect(strip.getByTestId('strip-reason')).toContainText(/error rate [\d.]+ % > 10 %/);
  await expect(dba.getByRole('button', { name: /Declare rollback|Acknowledge/ })).toHaveCount(0);
  await expect(ic.getByTestId('timeline')).toContainText('health moved to level 3: Roll back now');

  // The IC acknowledges; everyone sees it.
  await ic.getByRole('button', { name: 'Acknowledge level 3' }).click();
  await expect(banner.getByTestId('health-ack')).toContainText('Acknowledged by the IC');
  await expect(strip).toContainText('IC acknowledged');

  // "Declare rollback" comes prefilled with the reasons.
  await declare.click();
  const dialog = ic.getByTestId('rollback-dialog');
  await expect(dialog.getByLabel(/Why roll back/)).toHaveValue(
    /^Health level 3 \(roll back now\): error rate [\d.]+ % > 10 %/,
  );
  await expect(dialog.getByLabel(/Level 3 · critical/)).toBeChecked();
  await dialog.getByRole('button', { name: /Declare rollback/ }).click();
  await expect(dialog).toBeHidden();
  await expect(dba.getByText('Rolling back').first()).toBeVisible();
});
