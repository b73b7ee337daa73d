import { prisma } from '@/lib/server/db';
import type { Room } from './actors';
import type { CaseTable } from './case';
import { IC_ONLY } from './row-helpers';

/** Rows for webhooks: a room's own, and the global ones only an admin manages. */

/**
 * Loopback, which the run's main server refuses (no OUTBOUND_ALLOW): a test send by an
 * allowed actor answers at once, ok false, and reaches nothing.
 */
const HOOK = { url: 'http://127.0.0.1:9/hook', secret: 's', eventTypes: ['deployment.finished'] };
const roomHook = (crew: Room) => prisma.webhook.create({ data: { ...HOOK, deploymentId: crew.id } });
const globalHook = () => prisma.webhook.create({ data: { ...HOOK, deploymentId: null } });

export const WEBHOOK_CASES: CaseTable = {
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
};
