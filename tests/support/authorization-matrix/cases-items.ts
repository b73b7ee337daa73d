import { prisma } from '@/lib/server/db';
import type { CaseTable } from './case';
import { IC_ONLY, itemOf } from './row-helpers';

/** Rows for checklist steps: ticking, evidence, reassigning, and the checks on a step. */

export const ITEM_CASES: CaseTable = {
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
