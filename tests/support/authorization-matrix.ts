import fs from 'node:fs';
import path from 'node:path';
import { hashToken } from '@/lib/server/auth/tokens';
import { prisma } from '@/lib/server/db';
import { makeDeployment, makeTemplate, makeToken, makeUser } from '@/lib/server/seed/factories';

/**
 * The authorization matrix: who may call each mutating endpoint. Every route file's POST, PUT,
 * PATCH and DELETE is found by scanning app/api, so an endpoint added later without a row here
 * fails the test until someone decides who may call it. A route that does two things by body
 * has a second row, "METHOD route (what)": see matrixRows.
 */
export const ACTORS = [
  'ic',
  'dba',
  'qa',
  'comms',
  'stakeholder',
  'outsider',
  'anonymous',
  'metricsOnly',
  'otherDeployment',
  'admin',
  'icNoSign',
  'dbaNoSign',
] as const;
export type ActorKey = (typeof ACTORS)[number];

/** Tokens with read and write but not gates:sign: allowed what their person is, except gate decisions. */
const WITHOUT_SIGN: Partial<Record<ActorKey, ActorKey>> = { ic: 'icNoSign', dba: 'dbaNoSign' };

export function mutatingEndpoints(root = path.resolve('app/api')): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts') {
        const source = fs.readFileSync(full, 'utf8');
        const route = `/${path.relative(path.resolve('app'), path.dirname(full)).split(path.sep).join('/')}`;
        for (const [, method] of source.matchAll(
          /export\s+(?:const|async\s+function|function)\s+(POST|PUT|PATCH|DELETE)\b/g,
        ))
          found.push(`${method} ${route}`);
      }
    }
  };
  walk(root);
  return found.sort();
}

/** The endpoints, plus their "(variant)" rows in CASES. */
export function matrixRows(endpoints: string[]): string[] {
  const variants = Object.keys(CASES).filter(
    (key) => key.includes(' (') && endpoints.includes(key.slice(0, key.indexOf(' ('))),
  );
  return [...endpoints, ...variants].sort();
}

export type People = Awaited<ReturnType<typeof makePeople>>;

/** The same people (and tokens) for every crew: accounts are slow to make, rooms are not. */
export async function makePeople(adminToken: string) {
  const names = {
    ic: 'Mia IC',
    dba: 'Dev DBA',
    qa: 'Quin QA',
    comms: 'Cass Comms',
    stakeholder: 'Sam Stakeholder',
    outsider: 'Olga Outsider',
  };
  const users = Object.fromEntries(
    await Promise.all(Object.entries(names).map(async ([k, name]) => [k, await makeUser({ name })])),
  ) as Record<keyof typeof names, Awaited<ReturnType<typeof makeUser>>>;
  const elsewhere = await makeDeployment({ people: { ic: [users.ic.id] } });
  const tokens: Record<ActorKey, string | null> = {
    ic: await makeToken(users.ic.id),
    dba: await makeToken(users.dba.id),
    qa: await makeToken(users.qa.id),
    comms: await makeToken(users.comms.id),
    stakeholder: await makeToken(users.stakeholder.id),
    outsider: await makeToken(users.outsider.id),
    anonymous: null,
    metricsOnly: await makeToken(users.ic.id, ['metrics:push']),
    otherDeployment: await makeToken(users.ic.id, ['read', 'write'], elsewhere.id),
    admin: adminToken,
    icNoSign: await makeToken(users.ic.id, ['read', 'write']),
    dbaNoSign: await makeToken(users.dba.id, ['read', 'write']),
  };
  return { users, tokens, template: await makeTemplate() };
}

export type Room = Awaited<ReturnType<typeof makeRoom>>;

export async function makeRoom(people: People) {
  const u = people.users;
  const deployment = await makeDeployment({
    people: {
      ic: [u.ic.id],
      dba: [u.dba.id],
      qa: [u.qa.id],
      devops: [u.qa.id],
      comms: [u.comms.id],
      stakeholder: [u.stakeholder.id],
    },
  });
  const id = deployment.id;
  const phases = await prisma.phase.findMany({ where: { deploymentId: id }, orderBy: { position: 'asc' } });
  const gates = await prisma.gate.findMany({ where: { deploymentId: id }, orderBy: { position: 'asc' } });
  return { id, people, phases, gates, url: (rest = '') => `/api/deployments/${id}${rest}` };
}

type Prepared = { path: string; body?: unknown };
export type Case = {
  allow: readonly ActorKey[];
  prepare: (crew: Room, actor: ActorKey) => Promise<Prepared>;
  /** Besides 401/403, what a refusal may look like (404: "not yours" is not told apart from "none"). */
  alsoRefusedAs?: readonly number[];
  cleanup?: (crew: Room) => Promise<void>;
  /** The token scope the endpoint needs beyond read/write (gate decisions need gates:sign). */
  scope?: 'gates:sign';
};

/** Who may call an endpoint: the row's actors, and their read/write-only tokens unless it needs a scope those lack. */
export function allowedActors(row: Case): ActorKey[] {
  const extra = row.scope ? [] : row.allow.flatMap((a) => (WITHOUT_SIGN[a] ? [WITHOUT_SIGN[a]!] : []));
  return [...row.allow, ...extra];
}

const IC_ONLY = ['ic', 'admin'] as const;
const RUNBOOK = '# Matrix go-live\n\n## Phase 1: Deploy (10 min)\n\n- [ ] Deploy the service\n';
/** A template the IC made: only its creator (or an admin) may rename or delete it. */
const icTemplate = (crew: Room) => makeTemplate(undefined, crew.people.users.ic.id);
const itemOf = (crew: Room, roleKey: string) =>
  prisma.checklistItem.findFirstOrThrow({ where: { deploymentId: crew.id, role: { key: roleKey } } });
const setState = (crew: Room, state: 'preflight' | 'in_progress') =>
  prisma.deployment.update({ where: { id: crew.id }, data: { state } });
/**
 * Loopback, which the run's main server refuses (no OUTBOUND_ALLOW): a test send by an
 * allowed actor answers at once, ok false, and reaches nothing.
 */
const HOOK = { url: 'http://127.0.0.1:9/hook', secret: 's', eventTypes: ['deployment.finished'] };
const roomHook = (crew: Room) => prisma.webhook.create({ data: { ...HOOK, deploymentId: crew.id } });
const globalHook = () => prisma.webhook.create({ data: { ...HOOK, deploymentId: null } });
const pendingInvitation = async (into: { deploymentId: string; roleId: string } | null = null) => {
  const token = `wri_${Math.random().toString(36).slice(2)}${Date.now()}`;
  const row = await prisma.invitation.create({
    data: {
      email: `inv-${token}@example.test`,
      tokenHash: hashToken(token),
      expiresAt: new Date(Date.now() + 86_400_000),
      ...into,
    },
  });
  return { id: row.id, token };
};
const stopSimulator = async (crew: Room) =>
  void (await prisma.metricSource.updateMany({ where: { deploymentId: crew.id }, data: { active: false } }));

/** The room as if made from the shared template's version 1 (redlines need a template). */
const pinTemplate = (crew: Room) =>
  prisma.deployment.update({
    where: { id: crew.id },
    data: { templateId: crew.people.template.id, templateVersion: 1 },
  });
/** An open redline on a template the IC made, proposed in this room: an edit of the first step. */
const openRedline = async (crew: Room) => {
  const template = await icTemplate(crew);
  const definition = template.definition as {
    phases: { title: string; items: { title: string; roleKey: string }[] }[];
  };
  const first = definition.phases[0].items[0];
  const row = await prisma.redline.create({
    data: {
      deploymentId: crew.id,
      templateId: template.id,
      templateVersion: 1,
      target: {
        phaseIndex: 0,
        path: [0],
        title: first.title,
        roleKey: first.roleKey,
        phaseTitle: definition.phases[0].title,
      },
      kind: 'edit',
      patch: { command: 'echo matrix' },
      reason: 'matrix',
    },
  });
  return { templateId: template.id, redlineId: row.id };
};

export const CASES: Record<string, Case | { skip: string }> = {
  'POST /api/auth/[...all]': { skip: 'better-auth sign-in/out; its rate limit is tested on its own' },
  'POST /api/deployments': {
    allow: ['ic', 'dba', 'qa', 'comms', 'stakeholder', 'outsider', 'admin'],
    prepare: async (crew) => ({
      path: '/api/deployments',
      body: {
        templateId: crew.people.template.id,
        name: 'Matrix',
        goLiveAt: new Date(Date.now() + 3_600_000).toISOString(),
      },
    }),
  },
  // Step-up is for browser sessions: every token is refused (the reauth test covers sessions).
  'POST /api/session/reauth': {
    allow: [],
    prepare: async () => ({ path: '/api/session/reauth', body: { password: 'correct-horse-battery' } }),
  },
  'POST /api/users': {
    allow: ['admin'],
    prepare: async () => ({
      path: '/api/users',
      body: {
        email: `m-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`,
        name: 'New',
        password: 'long-enough-pw',
      },
    }),
  },
  // Admin rights need an admin signed in with a browser: no token may grant them (accounts.test
  // checks the cookie path and the bootstrap). An admin exists first, so the admin token is no bootstrap.
  'POST /api/users (isAdmin: true)': {
    allow: [],
    prepare: async () => (
      await makeUser({ isAdmin: true }),
      {
        path: '/api/users',
        body: {
          email: `a-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`,
          name: 'New Admin',
          password: 'long-enough-pw',
          isAdmin: true,
        },
      }
    ),
  },
  // Accounts by invitation (accounts.test has the cookie paths, the admin flag and the states).
  'POST /api/invitations': {
    allow: ['admin'],
    prepare: async () => ({
      path: '/api/invitations',
      body: { email: `i-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test` },
    }),
  },
  'POST /api/invitations (isAdmin: true)': {
    allow: [],
    prepare: async () => (
      await makeUser({ isAdmin: true }),
      {
        path: '/api/invitations',
        body: { email: `ia-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`, isAdmin: true },
      }
    ),
  },
  'DELETE /api/invitations/[id]': {
    allow: ['admin'],
    prepare: async () => ({ path: `/api/invitations/${(await pendingInvitation()).id}` }),
  },
  // The link is the credential: whoever holds it may accept, signed in or not.
  'POST /api/invitations/[id]/accept': {
    allow: ACTORS,
    prepare: async () => ({
      path: `/api/invitations/${(await pendingInvitation()).token}/accept`,
      body: { name: 'Invited', password: 'long-enough-pw' },
    }),
  },
  'PATCH /api/users/[id]': {
    allow: ['admin'],
    prepare: async () => ({ path: `/api/users/${(await makeUser()).id}`, body: { active: false } }),
  },
  // Tokens are made with a signed-in session only (security.test checks that path).
  'POST /api/tokens': {
    allow: [],
    prepare: async () => ({ path: '/api/tokens', body: { name: 'x', scopes: ['read'] } }),
  },
  'DELETE /api/tokens/[tokenId]': {
    allow: ['ic'],
    alsoRefusedAs: [404],
    prepare: async (crew) => {
      const spare = await makeToken(crew.people.users.ic.id);
      const row = await prisma.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(spare) } });
      return { path: `/api/tokens/${row.id}` };
    },
  },
  'PATCH /api/deployments/[id]/items/[itemId]': {
    allow: ['ic', 'dba', 'admin'],
    prepare: async (crew) => {
      const item = await itemOf(crew, 'dba');
      return { path: crew.url(`/items/${item.id}`), body: { status: 'done', version: item.version } };
    },
  },
  // Evidence: whoever may tick the item may attach proof to it (and tick it in the same event).
  'POST /api/deployments/[id]/items/[itemId]/evidence': {
    allow: ['ic', 'dba', 'admin'],
    prepare: async (crew) => {
      const item = await itemOf(crew, 'dba');
      return { path: crew.url(`/items/${item.id}/evidence`), body: { text: 'lag 00:00:00.2', status: 'done' } };
    },
  },
  // The same route with {roleKey, version}: moving a step to another role is the IC's call alone.
  'PATCH /api/deployments/[id]/items/[itemId] (reassign)': {
    allow: IC_ONLY,
    prepare: async (crew) => {
      const item = await itemOf(crew, 'dba');
      return { path: crew.url(`/items/${item.id}`), body: { roleKey: 'qa', version: item.version } };
    },
  },
  'POST /api/deployments/[id]/items/reassign': {
    allow: IC_ONLY,
    prepare: async (crew) => {
      const item = await itemOf(crew, 'dba');
      return {
        path: crew.url('/items/reassign'),
        body: { phaseId: item.phaseId, section: item.section, roleKey: 'qa' },
      };
    },
  },
  'POST /api/deployments/[id]/participants': {
    allow: IC_ONLY,
    prepare: async (crew) => ({
      path: crew.url('/participants'),
      body: { email: crew.people.users.outsider.email, roleKey: 'qa' },
    }),
  },
  'DELETE /api/deployments/[id]/participants/[participantId]': {
    allow: IC_ONLY,
    prepare: async (crew) => {
      const p = await prisma.participant.findFirstOrThrow({
        where: { deploymentId: crew.id, userId: crew.people.users.dba.id },
      });
      return { path: crew.url(`/participants/${p.id}`) };
    },
  },
  // Inviting someone with no account yet into a role (people-invitations.test has the accept paths).
  'POST /api/deployments/[id]/invitations': {
    allow: IC_ONLY,
    prepare: async (crew) => ({
      path: crew.url('/invitations'),
      body: { email: `ri-${Date.now()}-${Math.random().toString(36).slice(2)}@example.test`, roleKey: 'qa' },
    }),
  },
  'DELETE /api/deployments/[id]/invitations/[invitationId]': {
    allow: IC_ONLY,
    prepare: async (crew) => {
      const role = await prisma.role.findFirstOrThrow({ where: { deploymentId: crew.id, key: 'qa' } });
      const { id } = await pendingInvitation({ deploymentId: crew.id, roleId: role.id });
      return { path: crew.url(`/invitations/${id}`) };
    },
  },
  'POST /api/deployments/[id]/transitions': {
    allow: IC_ONLY,
    prepare: async (crew) => ({ path: crew.url('/transitions'), body: { to: 'preflight' } }),
  },
  'POST /api/deployments/[id]/reschedule': {
    allow: IC_ONLY,
    prepare: async (crew) => ({
      path: crew.url('/reschedule'),
      body: { goLiveAt: new Date(Date.now() + 86_400_000 + Math.floor(Math.random() * 1e6) * 60_000).toISOString() },
    }),
  },
  'POST /api/deployments/[id]/phases/[phaseId]/start': {
    allow: IC_ONLY,
    prepare: async (crew) => (
      await setState(crew, 'preflight'),
      { path: crew.url(`/phases/${crew.phases[0].id}/start`) }
    ),
  },
  'POST /api/deployments/[id]/phases/[phaseId]/complete': {
    allow: IC_ONLY,
    prepare: async (crew) => {
      const phase = crew.phases[0];
      await setState(crew, 'preflight');
      await prisma.phase.update({ where: { id: phase.id }, data: { status: 'active', startedAt: new Date() } });
      await prisma.checklistItem.updateMany({ where: { phaseId: phase.id }, data: { status: 'done' } });
      await prisma.gate.updateMany({ where: { phaseId: phase.id }, data: { status: 'open', openedAt: new Date() } });
      return { path: crew.url(`/phases/${phase.id}/complete`) };
    },
  },
  'POST /api/deployments/[id]/rollback': {
    allow: IC_ONLY,
    prepare: async (crew) => (
      await setState(crew, 'in_progress'),
      { path: crew.url('/rollback'), body: { level: 'major', reason: 'error rate 12 %' } }
    ),
  },
  'POST /api/deployments/[id]/gates/[gateId]/signoffs': {
    allow: ['dba', 'qa'],
    scope: 'gates:sign',
    prepare: async (crew, actor) => ({
      path: crew.url(`/gates/${crew.gates[0].id}/signoffs`),
      body: { decision: 'approve', roleKey: actor === 'qa' ? 'qa' : null },
    }),
  },
  'DELETE /api/deployments/[id]/gates/[gateId]/signoffs/[signoffId]': {
    allow: ['dba'],
    scope: 'gates:sign',
    alsoRefusedAs: [404],
    prepare: async (crew) => {
      const gate = crew.gates[0];
      const existing = await prisma.signoff.findFirst({
        where: { gateId: gate.id, userId: crew.people.users.dba.id, withdrawnAt: null },
      });
      const signoff =
        existing ??
        (await prisma.signoff.create({
          data: { gateId: gate.id, roleKey: 'dba', userId: crew.people.users.dba.id, decision: 'approve' },
        }));
      return { path: crew.url(`/gates/${gate.id}/signoffs/${signoff.id}`) };
    },
  },
  'POST /api/deployments/[id]/gates/[gateId]/override': {
    allow: IC_ONLY,
    scope: 'gates:sign',
    prepare: async (crew) => ({
      path: crew.url(`/gates/${crew.gates[0].id}/override`),
      body: { reason: 'Signed off on the bridge call' },
    }),
  },
  'POST /api/deployments/[id]/health/acknowledge': {
    allow: IC_ONLY,
    prepare: async (crew) => (
      await prisma.deployment.update({ where: { id: crew.id }, data: { healthLevel: 2 } }),
      { path: crew.url('/health/acknowledge'), body: { level: 2 } }
    ),
  },
  'POST /api/deployments/[id]/metrics': {
    allow: ['ic', 'dba', 'qa', 'comms', 'metricsOnly', 'admin'],
    prepare: async (crew) => ({
      path: crew.url('/metrics'),
      body: { samples: [{ series: 'cpu', ts: Date.now() - 1000, value: 42 }] },
    }),
  },
  'PUT /api/deployments/[id]/rules': {
    allow: IC_ONLY,
    prepare: async (crew) => ({ path: crew.url('/rules'), body: { rules: [] } }),
  },
  'POST /api/deployments/[id]/simulator': {
    allow: IC_ONLY,
    prepare: async (crew) => ({ path: crew.url('/simulator'), body: { scenario: 'healthy' } }),
    cleanup: stopSimulator,
  },
  'DELETE /api/deployments/[id]/simulator': {
    allow: IC_ONLY,
    prepare: async (crew) => ({ path: crew.url('/simulator') }),
  },
  'PUT /api/deployments/[id]/sources/prometheus': {
    allow: IC_ONLY,
    prepare: async (crew) => ({
      path: crew.url('/sources/prometheus'),
      body: {
        baseUrl: 'http://prometheus.invalid:9090',
        intervalSec: 60,
        queries: { error_rate: 'up' },
        active: false,
      },
    }),
  },
  'DELETE /api/deployments/[id]/sources/prometheus': {
    allow: IC_ONLY,
    prepare: async (crew) => ({ path: crew.url('/sources/prometheus') }),
  },
  'POST /api/deployments/[id]/status-updates': {
    allow: ['ic', 'comms', 'admin'],
    prepare: async (crew) => ({ path: crew.url('/status-updates'), body: { message: 'All green' } }),
  },
  'POST /api/deployments/[id]/share-links': {
    allow: IC_ONLY,
    prepare: async (crew) => ({ path: crew.url('/share-links'), body: {} }),
  },
  'DELETE /api/deployments/[id]/share-links/[linkId]': {
    allow: IC_ONLY,
    prepare: async (crew) => {
      const link = await prisma.shareLink.create({
        data: { deploymentId: crew.id, tokenHash: hashToken(`ws_${Math.random()}`) },
      });
      return { path: crew.url(`/share-links/${link.id}`) };
    },
  },
  // The admin token is a pseudo-user with no address to send to: 404, nothing queued.
  'POST /api/deployments/[id]/subscriptions/test-mail': {
    allow: ['ic', 'comms'],
    alsoRefusedAs: [404],
    prepare: async (crew) => ({ path: crew.url('/subscriptions/test-mail'), body: {} }),
  },
  // Public (the share token is the key): anyone, signed in or not, gets the same 202.
  'POST /api/status/[token]/subscriptions': {
    allow: ACTORS,
    prepare: async (crew, actor) => {
      const token = `ws_matrix${Math.random().toString(36).slice(2)}${Date.now()}`;
      await prisma.shareLink.create({ data: { deploymentId: crew.id, tokenHash: hashToken(token) } });
      return {
        path: `/api/status/${token}/subscriptions`,
        body: { email: `${actor}-${Math.random().toString(36).slice(2)}@example.test` },
      };
    },
  },
  'POST /api/deployments/[id]/webhooks': {
    allow: IC_ONLY,
    prepare: async (crew) => ({
      path: crew.url('/webhooks'),
      body: { url: 'https://hooks.example.com/x', eventTypes: ['deployment.finished'] },
    }),
  },
  'DELETE /api/deployments/[id]/webhooks/[webhookId]': {
    allow: IC_ONLY,
    prepare: async (crew) => ({ path: crew.url(`/webhooks/${(await roomHook(crew)).id}`) }),
  },
  'PATCH /api/deployments/[id]/webhooks/[webhookId]': {
    allow: IC_ONLY,
    prepare: async (crew) => ({ path: crew.url(`/webhooks/${(await roomHook(crew)).id}`), body: { active: false } }),
  },
  'POST /api/deployments/[id]/webhooks/[webhookId]/test': {
    allow: IC_ONLY,
    prepare: async (crew) => ({ path: crew.url(`/webhooks/${(await roomHook(crew)).id}/test`) }),
  },
  // Parsing stores nothing: any signed-in caller may preview a runbook.
  'POST /api/runbooks/parse': {
    allow: ['ic', 'dba', 'qa', 'comms', 'stakeholder', 'outsider', 'metricsOnly', 'otherDeployment', 'admin'],
    prepare: async () => ({ path: '/api/runbooks/parse', body: { markdown: RUNBOOK } }),
  },
  'POST /api/templates': {
    allow: ['ic', 'dba', 'qa', 'comms', 'stakeholder', 'outsider', 'admin'],
    prepare: async () => ({ path: '/api/templates', body: { markdown: RUNBOOK, name: 'Matrix runbook' } }),
  },
  'PATCH /api/templates/[id]': {
    allow: IC_ONLY,
    prepare: async (crew) => ({ path: `/api/templates/${(await icTemplate(crew)).id}`, body: { name: 'Renamed' } }),
  },
  'DELETE /api/templates/[id]': {
    allow: IC_ONLY,
    prepare: async (crew) => ({ path: `/api/templates/${(await icTemplate(crew)).id}` }),
  },
  // A new version (the runbook imported again): like renaming, the template's creator or an admin.
  'POST /api/templates/[id]/versions': {
    allow: IC_ONLY,
    prepare: async (crew) => ({
      path: `/api/templates/${(await icTemplate(crew)).id}/versions`,
      body: { markdown: RUNBOOK, summary: 'Matrix re-import' },
    }),
  },
  'POST /api/templates/[id]/duplicate': {
    allow: ['ic', 'dba', 'qa', 'comms', 'stakeholder', 'outsider', 'admin'],
    prepare: async (crew) => ({ path: `/api/templates/${(await icTemplate(crew)).id}/duplicate`, body: {} }),
  },
  // Redlines: the step's role (the DBA's step here) or the IC proposes; the run does not change.
  'POST /api/deployments/[id]/redlines': {
    allow: ['ic', 'dba', 'admin'],
    prepare: async (crew) => {
      await pinTemplate(crew);
      const item = await itemOf(crew, 'dba');
      return {
        path: crew.url('/redlines'),
        body: { itemId: item.id, kind: 'edit', patch: { command: 'x' }, reason: 'typo' },
      };
    },
  },
  // Reviewing redlines: like editing the template, its creator or an admin.
  'POST /api/templates/[id]/redlines/[redlineId]/accept': {
    allow: IC_ONLY,
    prepare: async (crew) => {
      const { templateId, redlineId } = await openRedline(crew);
      return { path: `/api/templates/${templateId}/redlines/${redlineId}/accept` };
    },
  },
  'POST /api/templates/[id]/redlines/accept': {
    allow: IC_ONLY,
    prepare: async (crew) => {
      const { templateId, redlineId } = await openRedline(crew);
      return { path: `/api/templates/${templateId}/redlines/accept`, body: { ids: [redlineId] } };
    },
  },
  'POST /api/templates/[id]/redlines/[redlineId]/reject': {
    allow: IC_ONLY,
    prepare: async (crew) => {
      const { templateId, redlineId } = await openRedline(crew);
      return { path: `/api/templates/${templateId}/redlines/${redlineId}/reject`, body: { reason: 'not needed' } };
    },
  },
  'POST /api/webhooks': {
    allow: ['admin'],
    prepare: async () => ({
      path: '/api/webhooks',
      body: { url: 'https://hooks.example.com/all', eventTypes: ['deployment.finished'] },
    }),
  },
  'DELETE /api/webhooks/[webhookId]': {
    allow: ['admin'],
    prepare: async () => ({ path: `/api/webhooks/${(await globalHook()).id}` }),
  },
  'PATCH /api/webhooks/[webhookId]': {
    allow: ['admin'],
    prepare: async () => ({ path: `/api/webhooks/${(await globalHook()).id}`, body: { active: false } }),
  },
  'PUT /api/webhooks/[webhookId]/rehearsals': {
    allow: ['admin'],
    prepare: async () => ({
      path: `/api/webhooks/${(await globalHook()).id}/rehearsals`,
      body: { includeRehearsals: true },
    }),
  },
  'POST /api/webhooks/[webhookId]/test': {
    allow: ['admin'],
    prepare: async () => ({ path: `/api/webhooks/${(await globalHook()).id}/test` }),
  },
  // Checks on a step: whoever may tick it (its role, the IC).
  'PUT /api/deployments/[id]/items/[itemId]/check': {
    allow: ['ic', 'dba', 'admin'],
    prepare: async (crew) => ({
      path: crew.url(`/items/${(await itemOf(crew, 'dba')).id}/check`),
      body: { kind: 'ci' },
    }),
  },
  'DELETE /api/deployments/[id]/items/[itemId]/check': {
    allow: ['ic', 'dba', 'admin'],
    prepare: async (crew) => {
      const item = await itemOf(crew, 'dba');
      await prisma.itemCheck.upsert({
        where: { itemId: item.id },
        create: { itemId: item.id, deploymentId: crew.id, kind: 'ci', spec: { kind: 'ci' } },
        update: {},
      });
      return { path: crew.url(`/items/${item.id}/check`) };
    },
  },
  'POST /api/checks/ci/[secret]': {
    skip: 'no session or token: the secret in the URL is the credential (tests/integration/checks.test.ts)',
  },
};

/** Everything a refused request must leave as it was: the room's rows, its event log, and global counts. */
export async function fingerprint(crew: Room): Promise<string> {
  const id = crew.id;
  const parts = await Promise.all([
    prisma.deployment.findUniqueOrThrow({
      where: { id },
      select: { state: true, seq: true, lastEventHash: true, healthAckLevel: true, heldFromState: true },
    }),
    prisma.event.count({ where: { deploymentId: id } }),
    prisma.participant.findMany({ where: { deploymentId: id }, select: { id: true }, orderBy: { id: 'asc' } }),
    prisma.checklistItem.findMany({
      where: { deploymentId: id },
      select: { id: true, status: true, version: true, roleId: true },
      orderBy: { id: 'asc' },
    }),
    prisma.phase.findMany({ where: { deploymentId: id }, select: { id: true, status: true }, orderBy: { id: 'asc' } }),
    prisma.gate.findMany({
      where: { deploymentId: id },
      select: { id: true, status: true, version: true, overrideReason: true },
      orderBy: { id: 'asc' },
    }),
    prisma.signoff.findMany({
      where: { gate: { deploymentId: id } },
      select: { id: true, withdrawnAt: true },
      orderBy: { id: 'asc' },
    }),
    prisma.metricRule.count({ where: { deploymentId: id } }),
    prisma.metricSource.findMany({
      where: { deploymentId: id },
      select: { id: true, active: true, config: true },
      orderBy: { id: 'asc' },
    }),
    prisma.metricSample.count({ where: { series: { deploymentId: id } } }),
    prisma.shareLink.findMany({
      where: { deploymentId: id },
      select: { id: true, revokedAt: true },
      orderBy: { id: 'asc' },
    }),
    prisma.statusMail.count({ where: { deploymentId: id } }),
    prisma.statusSubscription.count({ where: { deploymentId: id } }),
    prisma.webhook.findMany({
      where: { OR: [{ deploymentId: id }, { deploymentId: null }] },
      select: { id: true, active: true },
      orderBy: { id: 'asc' },
    }),
    prisma.user.count(),
    prisma.accountEvent.count(),
    prisma.deployment.count(),
    prisma.apiToken.count({ where: { revokedAt: null } }),
    prisma.template.findMany({
      where: { createdById: { in: Object.values(crew.people.users).map((u) => u.id) } },
      select: { id: true, name: true, currentVersion: true },
      orderBy: { id: 'asc' },
    }),
    prisma.redline.findMany({
      where: { deploymentId: id },
      select: { id: true, status: true },
      orderBy: { id: 'asc' },
    }),
    prisma.itemCheck.findMany({ where: { deploymentId: id }, select: { itemId: true, spec: true } }),
  ]);
  return JSON.stringify(parts);
}
