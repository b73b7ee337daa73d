import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { icAndDbaLive, item } from './support/fixtures';
import { expect, test } from './support/test';

const MIGRATE = 'Run migration 0042_add_settlement_index';
const LAG = 'Check replication lag is under 1 s';

test('the owner puts a CI check on a step; the pipeline’s call ticks it, live, and the IC’s Proof card counts it', async ({
  browser,
}) => {
  const { ic, dba } = await icAndDbaLive(browser);
  await expect(ic.getByTestId('proof-card')).toContainText('No step has a check.');

  const step = item(dba, MIGRATE);
  await step.getByRole('button', { name: 'Add check' }).click();
  const form = step.getByTestId('check-form');
  await form.getByLabel('Check for this step').selectOption('ci');
  await form.getByRole('button', { name: 'Save check' }).click();
  const secret = step.getByTestId('check-secret');
  await expect(secret).toContainText('/api/checks/ci/wrci_');
  const url = (await secret.locator('code').textContent())!.trim();
  await secret.getByRole('button', { name: 'Done' }).click();
  await expect(step.getByTestId('check-badge')).toHaveAttribute('data-state', 'waiting');
  // The IC sees the check appear without reloading.
  const onCockpit = item(ic, MIGRATE);
  await expect(onCockpit.getByTestId('check-badge')).toHaveAttribute('data-state', 'waiting');
  await dba.screenshot({ path: 'test-results/checks-phone-waiting.png', fullPage: false });

  // The pipeline passes: its log is the evidence, the step is ticked by CI.
  const answer = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: 'alembic upgrade head\nINFO  Running upgrade 41 -> 42, add tags\nApplied 1 migration',
  });
  expect(answer.status).toBe(201);
  await expect(onCockpit).toHaveAttribute('data-status', 'done');
  await expect(onCockpit.getByTestId('check-badge')).toHaveAttribute('data-state', 'passing');
  await expect(step).toHaveAttribute('data-status', 'done');
  await expect(ic.getByTestId('proof-proven')).toContainText('1');
  await expect(ic.getByTestId('proof-card')).toContainText('1 step has a check: 1 passing, 0 failing.');
  await onCockpit.getByTestId('check-badge').locator('summary').click();
  await expect(onCockpit.getByTestId('check-badge')).toContainText('Applied 1 migration');
  await onCockpit.scrollIntoViewIfNeeded();
  await ic.screenshot({ path: 'test-results/checks-desktop-passing.png', fullPage: false });
  await dba.screenshot({ path: 'test-results/checks-phone-passing.png', fullPage: false });
});

test('an HTTP check set from the step’s form probes a target on 127.0.0.1 and ticks the step by “check”, live', async ({
  browser,
}) => {
  // The target the check probes: the e2e server may reach loopback (WEBHOOK_ALLOW_PRIVATE in its env).
  const target = createServer((_, res) => {
    res.setHeader('content-type', 'application/json');
    res.end('{"lag":"00:00:00.2","status":"ok"}');
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
  const targetUrl = `http://127.0.0.1:${(target.address() as AddressInfo).port}/lag`;
  try {
    const { ic, dba } = await icAndDbaLive(browser);
    // Checks run while their phase runs: the IC starts pre-flight and its first phase.
    await ic.getByTestId('move-preflight').click();
    await ic.getByTestId('start-phase').click();
    await expect(ic.locator('[data-testid="rail-phase"][data-status="active"]')).toContainText('Pre-flight');

    const step = item(dba, LAG);
    await step.getByRole('button', { name: 'Add check' }).click();
    const form = step.getByTestId('check-form');
    await form.getByLabel('Check for this step').selectOption('http');
    await form.getByLabel('URL').fill(targetUrl);
    await form.getByLabel('Body contains').fill('"status":"ok"');
    await form.getByRole('button', { name: 'Save check' }).click();
    await expect(form).toHaveCount(0);

    // The leader probes it within a second or two: passing, and the step is done by "check" everywhere.
    const onCockpit = item(ic, LAG);
    await expect(step.getByTestId('check-badge')).toHaveAttribute('data-state', 'passing');
    await expect(step).toHaveAttribute('data-status', 'done');
    await expect(onCockpit).toHaveAttribute('data-status', 'done');
    await expect(onCockpit).toContainText('Done by check');
    await expect(onCockpit.getByTestId('evidence').first()).toContainText('CHECK · check');
    await expect(onCockpit.getByTestId('evidence').first()).toHaveAttribute('data-match', 'match');

    // Tapping the badge shows the last output and the recent runs.
    const badge = step.getByTestId('check-badge');
    await badge.locator('summary').first().click();
    await expect(badge).toContainText(`GET ${targetUrl} → 200`);
    await expect(badge).toContainText('"status":"ok"');
    await expect(badge.getByTestId('check-runs').locator('li[data-ok="true"]').first()).toContainText('passed');
    await dba.screenshot({ path: 'test-results/checks-phone-http-runs.png', fullPage: false });
  } finally {
    target.closeAllConnections();
    await new Promise((resolve) => target.close(resolve));
  }
});
