import { prisma } from '@/lib/server/db';
import type { CaseTable } from './case';
import { IC_ONLY } from './row-helpers';

/** Rows for gate decisions: signing, withdrawing a sign-off, overriding (all need gates:sign). */

export const GATE_CASES: CaseTable = {
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
};
