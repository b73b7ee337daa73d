import type { Page } from '@playwright/test';
import { expectLive, seedCrew, signedIn } from './support/fixtures';
import { expect, test } from './support/test';

/** Collects every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
        `${event.violatedDirective} blocked ${event.blockedURI || 'inline'} on ${location.pathname}`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy'))
      violations.push(message.text());
  });
  return violations;
}

test('every main page runs under a per-request nonce policy with no violation', async ({ browser }) => {
  const crew = await seedCrew();
  const ic = await signedIn(browser, crew.people.ic);
  const violations = await watchViolations(ic);

  const first = await ic.goto('/sign-in');
  const policy = first?.headers()['content-security-policy'] ?? '';
  expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
  expect(policy).toContain("connect-src 'self'");
  const second = await ic.goto('/sign-in');
  expect(second?.headers()['content-security-policy']).not.toBe(policy);

  const pages = [
    '/deployments',
    `/deployments/${crew.deploymentId}`,
    `/deployments/${crew.deploymentId}/roles/dba`,
    `/deployments/${crew.deploymentId}/timeline`,
    `/deployments/${crew.deploymentId}/status`,
    '/templates',
    '/import',
    '/settings/tokens',
    '/settings/webhooks',
  ];
  for (const path of pages) {
    await ic.goto(path);
    await ic.waitForLoadState('load');
  }
  // The war room's live socket connects under connect-src 'self'.
  await ic.goto(`/deployments/${crew.deploymentId}`);
  await expectLive(ic);
  // And the public status page, through a share link made in the cockpit.
  const share = ic.getByTestId('share-links');
  await share.getByRole('button', { name: 'Create link' }).click();
  const link = await share.getByTestId('share-link-url').inputValue();
  const watcher = await (await browser.newContext()).newPage();
  const watcherViolations = await watchViolations(watcher);
  await watcher.goto(link);
  await watcher.waitForLoadState('load');
  expect(violations).toEqual([]);
  expect(watcherViolations).toEqual([]);
});
