import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { http } from '../support/http';
import { startOwnServer, type OwnServer } from '../support/own-server';
import { PAYMENTS_RUNBOOK, PAYMENTS_RUNBOOK_FIXED } from '../support/runbooks';

const MARKDOWN = { 'content-type': 'text/markdown; charset=utf-8' };

const RUNBOOK = PAYMENTS_RUNBOOK;
const FIXED = PAYMENTS_RUNBOOK_FIXED;

async function person(name: string) {
  const user = await makeUser({ name });
  return { user, api: http({ token: await makeToken(user.id) }) };
}

const goLive = () => new Date(Date.now() + 3_600_000).toISOString();

async function templateFrom(api: ReturnType<typeof http>, markdown = RUNBOOK) {
  const created = await api.post('/api/templates', {
    markdown,
    name: `Payments ${Math.random().toString(36).slice(2, 6)}`,
  });
  expect(created.status).toBe(201);
  return created.body as { id: string; name: string; currentVersion: number };
}

async function deploymentFrom(api: ReturnType<typeof http>, templateId: string) {
  const res = await api.post('/api/deployments', { templateId, name: 'Payments 4.2', goLiveAt: goLive() });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('template versions', () => {
  it('re-importing makes version 2; deployments keep the version they were created from', async () => {
    const { user, api } = await person('Vera Versions');
    const t = await templateFrom(api);
    expect(t.currentVersion).toBe(1);
    const first = await api.get(`/api/templates/${t.id}/versions`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      versions: [
        {
          version: 1,
          createdAt: expect.any(String),
          createdBy: 'Vera Versions',
          createdById: user.id,
          summary: 'Imported from Markdown',
        },
      ],
    });
    const before = await deploymentFrom(api, t.id);

    const saved = await api.post(
      `/api/templates/${t.id}/versions?summary=${encodeURIComponent('Lock timeout on migrations')}`,
      FIXED,
      MARKDOWN,
    );
    expect(saved.status).toBe(201);
    expect(saved.body.created).toBe(true);
    expect(saved.body.version).toMatchObject({
      version: 2,
      summary: 'Lock timeout on migrations',
      createdBy: 'Vera Versions',
    });
    expect(saved.body.template).toMatchObject({ id: t.id, name: t.name, currentVersion: 2 });

    const list = await api.get(`/api/templates/${t.id}/versions`);
    expect(list.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(Date.parse(list.body.versions[0].createdAt)).toBeGreaterThanOrEqual(
      Date.parse(list.body.versions[1].createdAt),
    );

    const v1 = await api.get(`/api/templates/${t.id}/versions/1`);
    const v2 = await api.get(`/api/templates/${t.id}/versions/2`);
    expect(v1.status).toBe(200);
    expect(v1.body.phases[1].items[0].command).toBe('npm run migrate');
    expect(v1.body.definition.phases[1].items[0].command).toBe('npm run migrate');
    expect(v2.body.phases[1].items[0].command).toBe('npm run migrate -- --lock-timeout=5s');
    expect(v2.body).toMatchObject({ version: 2, summary: 'Lock timeout on migrations' });

    const diff = await api.get(`/api/templates/${t.id}/diff?from=1&to=2`);
    expect(diff.status).toBe(200);
    expect(diff.body.changes).toEqual([
      {
        kind: 'changed',
        path: 'phases[1].items[0].command',
        label: expect.stringContaining('Run migrations'),
        before: 'npm run migrate',
        after: 'npm run migrate -- --lock-timeout=5s',
      },
    ]);
    const back = await api.get(`/api/templates/${t.id}/diff?from=2&to=1`);
    expect(back.body.changes[0]).toMatchObject({
      before: 'npm run migrate -- --lock-timeout=5s',
      after: 'npm run migrate',
    });

    // Pinning: the old deployment still says version 1 and kept its steps; a new one gets version 2.
    const old = await api.get(`/api/deployments/${before}`);
    expect(old.body.templateVersion).toBe(1);
    expect(old.body.phases[1].items[0].command).toBe('npm run migrate');
    const after = await deploymentFrom(api, t.id);
    const fresh = await api.get(`/api/deployments/${after}`);
    expect(fresh.body.templateVersion).toBe(2);
    expect(fresh.body.phases[1].items[0].command).toBe('npm run migrate -- --lock-timeout=5s');
  });

  it('the template says which version the person last ran, for “what changed since your last run”', async () => {
    const { api } = await person('Lara Lastrun');
    const t = await templateFrom(api);
    expect((await api.get(`/api/templates/${t.id}`)).body.myLastRun).toBeNull();
    const id = await deploymentFrom(api, t.id);
    await api.post(`/api/templates/${t.id}/versions`, FIXED, MARKDOWN);
    const detail = await api.get(`/api/templates/${t.id}`);
    expect(detail.body).toMatchObject({
      currentVersion: 2,
      myLastRun: { deploymentId: id, name: 'Payments 4.2', templateVersion: 1 },
    });
    // Someone who never ran it has no last run.
    const other = await person('Nina Neverran');
    expect((await other.api.get(`/api/templates/${t.id}`)).body.myLastRun).toBeNull();
  });

  it('editing in the UI makes a version with its summary; a rename alone or the same content does not', async () => {
    const { api } = await person('Eddie Editor');
    const t = await templateFrom(api);
    const detail = (await api.get(`/api/templates/${t.id}`)).body;
    const definition = structuredClone(detail.definition);
    definition.phases[0].items[1].roleKey = 'qa';
    const edited = await api.patch(`/api/templates/${t.id}`, {
      name: t.name,
      definition,
      summary: 'QA freezes merges',
      baseVersion: 1,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.currentVersion).toBe(2);

    const renamed = await api.patch(`/api/templates/${t.id}`, { name: `${t.name} (EU)` });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: `${t.name} (EU)`, currentVersion: 2 });

    const same = await api.post(`/api/templates/${t.id}/versions`, { template: { ...definition, name: 'ignored' } });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ created: false, version: { version: 2 } });

    const list = (await api.get(`/api/templates/${t.id}/versions`)).body.versions;
    expect(list.map((v: { version: number; summary: string }) => [v.version, v.summary])).toEqual([
      [2, 'QA freezes merges'],
      [1, 'Imported from Markdown'],
    ]);
    const diff = await api.get(`/api/templates/${t.id}/diff?from=1&to=2`);
    expect(diff.body.changes).toEqual([
      expect.objectContaining({ path: 'phases[0].items[1].roleKey', before: 'ic', after: 'qa' }),
    ]);
  });

  it('an edit from an older version is 409 stale_version and saves nothing', async () => {
    const { api } = await person('Stan Stale');
    const t = await templateFrom(api);
    expect((await api.post(`/api/templates/${t.id}/versions?baseVersion=1`, FIXED, MARKDOWN)).status).toBe(201);
    const definition = (await api.get(`/api/templates/${t.id}/versions/1`)).body.definition;
    definition.phases[0].items[0].title = 'Back up the payments database';
    const stale = await api.patch(`/api/templates/${t.id}`, { name: t.name, definition, baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'stale_version', currentVersion: 2 });
    const again = await api.post(`/api/templates/${t.id}/versions?baseVersion=1`, RUNBOOK, MARKDOWN);
    expect(again.status).toBe(409);
    expect((await api.get(`/api/templates/${t.id}/versions`)).body.versions).toHaveLength(2);
  });

  it('only the template’s owner or an admin adds versions', async () => {
    const owner = await person('Olive Owner');
    const other = await person('Otto Other');
    const t = await templateFrom(owner.api);
    const refused = await other.api.post(`/api/templates/${t.id}/versions`, FIXED, MARKDOWN);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const admin = http({ token: inject('adminToken') });
    const byAdmin = await admin.post(`/api/templates/${t.id}/versions`, {
      markdown: FIXED,
      summary: 'Fixed by the admin',
    });
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body.version).toMatchObject({ version: 2, createdBy: 'Admin', createdById: null });
    // Anyone signed in may read the history and the diff.
    expect((await other.api.get(`/api/templates/${t.id}/versions`)).body.versions).toHaveLength(2);
    expect((await other.api.get(`/api/templates/${t.id}/diff?from=1&to=2`)).status).toBe(200);
  });

  it('bad input gets a clear 4xx and writes nothing', async () => {
    const { api } = await person('Betty Bad');
    const t = await templateFrom(api);
    const cases: [string, number, string][] = [
      [`/api/templates/${t.id}/diff`, 400, 'invalid_query'],
      [`/api/templates/${t.id}/diff?from=1`, 400, 'invalid_query'],
      [`/api/templates/${t.id}/diff?to=1`, 400, 'invalid_query'],
      [`/api/templates/${t.id}/diff?from=one&to=1`, 400, 'invalid_query'],
      [`/api/templates/${t.id}/diff?from=1.5&to=1`, 400, 'invalid_query'],
      [`/api/templates/${t.id}/diff?from=0&to=1`, 400, 'invalid_query'],
      [`/api/templates/${t.id}/diff?from=1&to=-2`, 400, 'invalid_query'],
      [`/api/templates/${t.id}/diff?from=1&to=7`, 404, 'unknown_version'],
      [`/api/templates/${t.id}/versions/7`, 404, 'unknown_version'],
      [`/api/templates/${t.id}/versions/latest`, 400, 'invalid_query'],
      ['/api/templates/nope/versions', 404, 'not_found'],
      ['/api/templates/nope/versions/1', 404, 'not_found'],
      ['/api/templates/nope/diff?from=1&to=1', 404, 'not_found'],
    ];
    for (const [url, status, code] of cases) {
      const res = await api.get(url);
      expect([url, res.status, res.body.error?.code]).toEqual([url, status, code]);
      expect(res.body.error.message).toEqual(expect.any(String));
    }
    const unknown = await api.get(`/api/templates/${t.id}/versions/7`);
    expect(unknown.body.error.message).toContain('versions are 1 to 1');

    const writes: [unknown, Record<string, string> | undefined, number, string][] = [
      ['# Nothing to run here\n\nJust prose.', MARKDOWN, 422, 'invalid_runbook'],
      [{ markdown: FIXED, summary: 'x'.repeat(201) }, undefined, 422, 'invalid_body'],
      [{ markdown: FIXED, baseVersion: 0 }, undefined, 422, 'invalid_body'],
      ['not json', { 'content-type': 'application/json' }, 422, 'invalid_body'],
    ];
    for (const [body, headers, status, code] of writes) {
      const res = await api.post(`/api/templates/${t.id}/versions`, body, headers);
      expect([res.status, res.body.error?.code]).toEqual([status, code]);
    }
    expect(await prisma.templateVersion.count({ where: { templateId: t.id } })).toBe(1);
    expect((await prisma.template.findUniqueOrThrow({ where: { id: t.id } })).currentVersion).toBe(1);
  });

  it('two imports at once get two versions, never the same number', async () => {
    const { api } = await person('Rita Race');
    const t = await templateFrom(api);
    const [a, b] = await Promise.all([
      api.post(`/api/templates/${t.id}/versions`, FIXED, MARKDOWN),
      api.post(`/api/templates/${t.id}/versions`, FIXED.replace('Smoke test', 'Smoke test the checkout'), MARKDOWN),
    ]);
    expect([a.status, b.status].sort()).toEqual([201, 201]);
    expect([a.body.version.version, b.body.version.version].sort()).toEqual([2, 3]);
  });
});

describe('the migration backfills existing templates as version 1', () => {
  let own: OwnServer;
  beforeAll(async () => {
    own = await startOwnServer({}, { freshDatabase: true });
  });
  afterAll(async () => {
    await own?.stop();
  });

  it('a template and a deployment from before versions read as version 1 through the API', async () => {
    const db = new pg.Client({ connectionString: own.databaseUrl });
    await db.connect();
    try {
      // The rows as they were before the migration: a template without versions, a deployment without a pin.
      const definition = {
        name: 'Legacy runbook',
        description: '',
        roles: [{ key: 'ic', name: 'Incident Commander', isIc: true, contact: null, aliases: [] }],
        phases: [
          {
            title: 'Deploy',
            description: '',
            kind: 'normal',
            plannedStartMin: 0,
            plannedDurationMin: 10,
            items: [{ title: 'Ship it', roleKey: 'ic', children: [] }],
            gates: [],
          },
        ],
        rules: [],
        decisionTree: [],
      };
      await db.query(
        `INSERT INTO "Template" ("id", "name", "definition", "createdAt", "updatedAt") VALUES ('legacy-t', 'Legacy runbook', $1, '2026-01-01T00:00:00Z', '2026-02-01T00:00:00Z')`,
        [JSON.stringify(definition)],
      );
      await db.query(
        `INSERT INTO "Deployment" ("id", "templateId", "name", "goLiveAt", "updatedAt") VALUES ('legacy-d', 'legacy-t', 'Legacy go-live', now(), now())`,
      );
      const migration = fs.readFileSync(
        path.resolve('prisma/migrations/20261205121000_template_versions/migration.sql'),
        'utf8',
      );
      const backfill = migration.slice(migration.indexOf('-- Backfill'));
      for (const statement of backfill
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s && !/^(--[^\n]*\n?)*$/.test(s)))
        await db.query(statement);
    } finally {
      await db.end();
    }
    const versions = await own.request('GET', '/api/templates/legacy-t/versions', own.adminToken);
    expect(versions.status).toBe(200);
    expect(versions.body.versions).toEqual([
      {
        version: 1,
        createdAt: '2026-01-01T00:00:00.000Z',
        createdBy: null,
        createdById: null,
        summary: 'Version 1 (the template before versions)',
      },
    ]);
    const v1 = await own.request('GET', '/api/templates/legacy-t/versions/1', own.adminToken);
    expect(v1.body.phases[0].items[0].title).toBe('Ship it');
    const template = await own.request('GET', '/api/templates/legacy-t', own.adminToken);
    expect(template.body.currentVersion).toBe(1);
    const deployment = await own.request('GET', '/api/deployments/legacy-d', own.adminToken);
    expect(deployment.status).toBe(200);
    expect(deployment.body.templateVersion).toBe(1);
  });
});
