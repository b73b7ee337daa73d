import { hashToken } from '@/lib/server/auth/tokens';
import { prisma } from '@/lib/server/db';
import { ACTORS, type Room } from './actors';
import type { CaseTable } from './case';
import { IC_ONLY } from './row-helpers';

/** Rows for a room's metrics (samples, rules, simulator, Prometheus) and its status page and mail. */

const stopSimulator = async (crew: Room) =>
  void (await prisma.metricSource.updateMany({ where: { deploymentId: crew.id }, data: { active: false } }));

export const METRICS_STATUS_CASES: CaseTable = {
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
};
