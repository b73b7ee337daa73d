import { prisma } from '@/lib/server/db';
import type { Room } from './actors';
import type { CaseTable } from './case';
import { IC_ONLY, pendingInvitation } from './row-helpers';

/**
 * Rows for running a room: making a deployment, its people and invitations, its state
 * (transitions, reschedule, phases, rollback) and acknowledging its health.
 */

const setState = (crew: Room, state: 'preflight' | 'in_progress') =>
  prisma.deployment.update({ where: { id: crew.id }, data: { state } });

export const DEPLOYMENT_CASES: CaseTable = {
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
  'POST /api/deployments/[id]/health/acknowledge': {
    allow: IC_ONLY,
    prepare: async (crew) => (
      await prisma.deployment.update({ where: { id: crew.id }, data: { healthLevel: 2 } }),
      { path: crew.url('/health/acknowledge'), body: { level: 2 } }
    ),
  },
};
