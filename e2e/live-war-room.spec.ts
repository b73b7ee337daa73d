import { expectLive, item, seedCrew, restartServer, signedIn, updateItemOffline } from './support/fixtures';
import { expect, test } from './support/test';

test('a tick by the DBA appears live on the IC cockpit, with progress and timeline', async ({ browser }) => {
  const crew = await seedCrew();
  const ic = await signedIn(browser, crew.people.ic);
  const dba = await signedIn(browser, crew.people.dba);
  await ic.goto(`/deployments/${crew.deploymentId}`);
  await dba.goto(`/deployments/${crew.deploymentId}/roles/dba`);
  await expectLive(ic);
  await expectLive(dba);

  const overall = ic.getByTestId('overall-progress');
  const before = Number(await overall.getAttribute('data-done'));
  await item(dba, 'Check replication lag is under 1 s')
    .getByRole('button', { name: /Mark .* done/ })
    .click();
  await expect(item(dba, 'Check replication lag is under 1 s')).toHaveAttribute('data-status', 'done');

  await expect(item(ic, 'Check replication lag is under 1 s')).toHaveAttribute('data-status', 'done');
  await expect(overall).toHaveAttribute('data-done', String(before + 1));
  await expect(ic.getByTestId('timeline')).toContainText('Dana DBA');
  await expect(ic.getByTestId('timeline')).toContainText('marked “Check replication lag is under 1 s” done');
});

test("a role holder sees no controls for another role's items, and a note is required to block", async ({
  browser,
}) => {
  const crew = await seedCrew();
  const dba = await signedIn(browser, crew.people.dba, { width: 390, height: 844 });
  await dba.goto(`/deployments/${crew.deploymentId}/roles/qa`);
  await expectLive(dba);
  const qaItem = item(dba, 'Smoke suite green on staging');
  await expect(qaItem).toBeVisible();
  await expect(qaItem.getByRole('button', { name: /Mark .* done/ })).toHaveCount(0);
  await expect(qaItem.getByRole('combobox')).toHaveCount(0);

  await dba.goto(`/deployments/${crew.deploymentId}/roles/dba`);
  const own = item(dba, 'Check replication lag is under 1 s');
  await own.getByRole('combobox').selectOption('blocked');
  const submit = own.getByRole('button', { name: 'Mark blocked' });
  await expect(submit).toBeDisabled();
  await own.getByLabel(/Why is it blocked/).fill('replica lag 40 s');
  await submit.click();
  await expect(own).toHaveAttribute('data-status', 'blocked');
  await expect(own).toContainText('replica lag 40 s');
});

test('after a server restart the page reconnects and shows what changed meanwhile', async ({ browser }) => {
  const crew = await seedCrew();
  const ic = await signedIn(browser, crew.people.ic);
  await ic.goto(`/deployments/${crew.deploymentId}`);
  await expectLive(ic);
  const qaItem = crew.items.find((i) => i.title === 'Smoke suite green on staging')!;

  await restartServer(async () => {
    await expect(ic.getByTestId('live-indicator')).toHaveAttribute('data-status', 'reconnecting');
    await updateItemOffline(crew.deploymentId, qaItem.id, crew.people.qa.id, 'done');
  });

  await expectLive(ic);
  await expect(item(ic, 'Smoke suite green on staging')).toHaveAttribute('data-status', 'done');
  await expect(ic.getByTestId('timeline')).toContainText('Quinn QA');
  // Delivered once: the missed event shows exactly once in the timeline.
  await expect(ic.getByTestId('timeline').getByText('marked “Smoke suite green on staging” done')).toHaveCount(1);
});
