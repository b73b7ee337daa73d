import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { http } from '../support/http';

const MARKDOWN = { 'content-type': 'text/markdown; charset=utf-8' };

// A small two-phase runbook with owners and commands (shared with the other redline and version tests).
const RUNBOOK = fs.readFileSync('tests/fixtures/payments-go-live.md', 'utf8');

type Api = ReturnType<typeof http>;
type Item = { id: string; title: string; command: string | null };

async function person(name: string) {
  const user = await makeUser({ name });
  return { user, api: http({ token: await makeToken(user.id) }) };
}

const goLive = () => new Date(Date.now() + 3_600_000).toISOString();

async function setUp() {
  const owner = await person('Olive Owner');
  const created = await owner.api.post('/api/templates', {
    markdown: RUNBOOK,
    name: `Payments ${Math.random().toString(36).slice(2, 6)}`,
  });
  expect(created.status).toBe(201);
  const templateId = created.body.id as string;
  const started = await owner.api.post('/api/deployments', { templateId, name: 'Payments 4.2', goLiveAt: goLive() });
  expect(started.status).toBe(201);
  expect(started.body.warnings).toEqual([]);
  const deploymentId = started.body.id as string;
  return { owner, templateId, deploymentId };
}

async function itemsOf(api: Api, deploymentId: string): Promise<Item[]> {
  const res = await api.get(`/api/deployments/${deploymentId}`);
  expect(res.status).toBe(200);
  return (res.body.phases as { items: Item[] }[]).flatMap((p) => p.items);
}

const byTitle = (items: Item[], title: string) => items.find((i) => i.title === title)!;

describe('redlines', () => {
  it('an edit redline, accepted, is version 2; the run keeps version 1 and its steps', async () => {
    const { owner, templateId, deploymentId } = await setUp();
    const items = await itemsOf(owner.api, deploymentId);
    const migrate = byTitle(items, 'Run migrations');

    const posted = await owner.api.post(`/api/deployments/${deploymentId}/redlines`, {
      itemId: migrate.id,
      kind: 'edit',
      patch: { command: 'npm run migrate -- --lock-timeout=5s' },
      reason: 'The migration waited 4 minutes on a lock',
    });
    expect(posted.status).toBe(201);
    expect(posted.body.redline).toMatchObject({
      id: expect.any(String),
      status: 'open',
      kind: 'edit',
      templateVersion: 1,
    });
    const redlineId = posted.body.redline.id as string;

    // An event on the timeline; the running step is as it was.
    const events = await owner.api.get(`/api/deployments/${deploymentId}/events`);
    expect(events.body.events.some((e: { type: string }) => e.type === 'redline.proposed')).toBe(true);
    expect(byTitle(await itemsOf(owner.api, deploymentId), 'Run migrations').command).toBe(migrate.command);

    const open = await owner.api.get(`/api/templates/${templateId}/redlines?status=open`);
    expect(open.status).toBe(200);
    expect(open.body.redlines).toHaveLength(1);
    expect(open.body.redlines[0]).toMatchObject({
      id: redlineId,
      deployment: { id: deploymentId, name: 'Payments 4.2' },
      person: { id: owner.user.id, name: 'Olive Owner' },
      reason: 'The migration waited 4 minutes on a lock',
    });

    // The next run from this template hears of it.
    const next = await owner.api.post('/api/deployments', { templateId, name: 'Payments 4.3', goLiveAt: goLive() });
    expect(next.body.warnings).toEqual(['1 unresolved redline from the last run']);

    const accepted = await owner.api.post(`/api/templates/${templateId}/redlines/${redlineId}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body.version).toBe(2);

    const versions = await owner.api.get(`/api/templates/${templateId}/versions`);
    expect(versions.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions.body.versions[0].summary).toContain('Redline by Olive Owner accepted');

    const diff = await owner.api.get(`/api/templates/${templateId}/diff?from=1&to=2`);
    expect(diff.status).toBe(200);
    expect(diff.body.changes).toContainEqual(
      expect.objectContaining({ kind: 'changed', after: 'npm run migrate -- --lock-timeout=5s' }),
    );

    const deployment = await owner.api.get(`/api/deployments/${deploymentId}`);
    expect(deployment.body.templateVersion).toBe(1);

    const again = await owner.api.post(`/api/templates/${templateId}/redlines/${redlineId}/accept`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('redline_resolved');
    const none = await owner.api.get(`/api/templates/${templateId}/redlines?status=open`);
    expect(none.body.redlines).toEqual([]);
  });

  it('several accepted at once make one version; a rejected one changes nothing', async () => {
    const { owner, templateId, deploymentId } = await setUp();
    const items = await itemsOf(owner.api, deploymentId);
    const post = (body: object) => owner.api.post(`/api/deployments/${deploymentId}/redlines`, body);
    const add = await post({
      kind: 'add',
      after: byTitle(items, 'Run migrations').id,
      patch: { title: 'Check replication lag' },
      reason: 'We forgot it',
    });
    const remove = await post({ itemId: byTitle(items, 'Freeze merges').id, kind: 'remove', reason: 'Done by CI now' });
    const reject = await post({
      itemId: byTitle(items, 'Smoke test').id,
      kind: 'edit',
      patch: { title: 'Smoke' },
      reason: 'Shorter',
    });
    expect([add.status, remove.status, reject.status]).toEqual([201, 201, 201]);

    const rejected = await owner.api.post(`/api/templates/${templateId}/redlines/${reject.body.redline.id}/reject`, {
      reason: 'The longer title says what to test',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.redline).toMatchObject({
      status: 'rejected',
      rejectReason: 'The longer title says what to test',
    });

    const both = await owner.api.post(`/api/templates/${templateId}/redlines/accept`, {
      ids: [add.body.redline.id, remove.body.redline.id],
    });
    expect(both.status).toBe(200);
    expect(both.body.version).toBe(2);
    const v2 = await owner.api.get(`/api/templates/${templateId}/versions/2`);
    const titles = (v2.body.definition.phases as { items: { title: string }[] }[]).map((p) =>
      p.items.map((i) => i.title),
    );
    expect(titles).toEqual([['Back up the database'], ['Run migrations', 'Check replication lag', 'Smoke test']]);

    // The run's report lists every redline with what became of it.
    const still = await post({
      itemId: byTitle(items, 'Run migrations').id,
      kind: 'remove',
      reason: 'Maybe never needed',
    });
    expect(still.status).toBe(201);
    const report = String((await owner.api.get(`/api/deployments/${deploymentId}/report.md`)).body);
    const rowOf = (reason: string) => report.split('\n').find((line) => line.includes(reason)) ?? '';
    expect(report).toContain('| Time | Clock | Who | Proposal | Outcome |');
    expect(rowOf('We forgot it')).toMatch(/\| Accepted by Olive Owner in version 2 \|$/);
    expect(rowOf('Done by CI now')).toMatch(/\| Accepted by Olive Owner in version 2 \|$/);
    expect(rowOf('— Shorter')).toMatch(/\| Rejected by Olive Owner: The longer title says what to test \|$/);
    expect(rowOf('Maybe never needed')).toMatch(/\| Open: not reviewed yet \|$/);
  });

  it('409 when the step is gone from the newest version, and nothing changes', async () => {
    const { owner, templateId, deploymentId } = await setUp();
    const smoke = byTitle(await itemsOf(owner.api, deploymentId), 'Smoke test');
    const posted = await owner.api.post(`/api/deployments/${deploymentId}/redlines`, {
      itemId: smoke.id,
      kind: 'edit',
      patch: { expected: 'HTTP 200' },
      reason: 'Say what passing looks like',
    });
    expect(posted.status).toBe(201);
    // Meanwhile the runbook lost that step: version 2.
    const saved = await owner.api.post(
      `/api/templates/${templateId}/versions`,
      RUNBOOK.replace('- [ ] Smoke test (QA)\n', ''),
      MARKDOWN,
    );
    expect(saved.status).toBe(201);

    const conflict = await owner.api.post(`/api/templates/${templateId}/redlines/${posted.body.redline.id}/accept`);
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('redline_conflict');
    expect(conflict.body.error.message).toContain('Smoke test');
    const versions = await owner.api.get(`/api/templates/${templateId}/versions`);
    expect(versions.body.versions).toHaveLength(2);
    const open = await owner.api.get(`/api/templates/${templateId}/redlines?status=open`);
    expect(open.body.redlines).toHaveLength(1);
  });

  it('403 without a role, or on another role’s step; 422 without a reason or a patch', async () => {
    const { owner, templateId, deploymentId } = await setUp();
    const items = await itemsOf(owner.api, deploymentId);
    const migrate = byTitle(items, 'Run migrations');
    const smoke = byTitle(items, 'Smoke test');
    const edit = (itemId: string) => ({ itemId, kind: 'edit', patch: { title: 'x' }, reason: 'because' });

    const outsider = await person('Otto Outsider');
    const refused = await outsider.api.post(`/api/deployments/${deploymentId}/redlines`, edit(migrate.id));
    expect(refused.status).toBe(403);

    const dba = await person('Dana DBA');
    const added = await owner.api.post(`/api/deployments/${deploymentId}/participants`, {
      email: dba.user.email,
      roleKey: 'dba',
    });
    expect(added.status).toBe(201);
    expect((await dba.api.post(`/api/deployments/${deploymentId}/redlines`, edit(migrate.id))).status).toBe(201);
    const notTheirs = await dba.api.post(`/api/deployments/${deploymentId}/redlines`, edit(smoke.id));
    expect(notTheirs.status).toBe(403);

    const noReason = await owner.api.post(`/api/deployments/${deploymentId}/redlines`, {
      ...edit(migrate.id),
      reason: ' ',
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.code).toBe('reason_required');
    const noPatch = await owner.api.post(`/api/deployments/${deploymentId}/redlines`, {
      itemId: migrate.id,
      kind: 'edit',
      patch: {},
      reason: 'because',
    });
    expect(noPatch.status).toBe(422);

    // Reviewing is for the template's owners.
    const list = await dba.api.get(`/api/templates/${templateId}/redlines`);
    expect(list.status).toBe(403);
  });
});
