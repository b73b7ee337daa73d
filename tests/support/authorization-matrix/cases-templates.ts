import { prisma } from '@/lib/server/db';
import { makeTemplate } from '@/lib/server/seed/factories';
import type { Room } from './actors';
import type { CaseTable } from './case';
import { IC_ONLY, itemOf } from './row-helpers';

/** Rows for runbooks and templates: parsing, the library, versions, and redlines proposed and reviewed. */

const RUNBOOK = '# Matrix go-live\n\n## Phase 1: Deploy (10 min)\n\n- [ ] Deploy the service\n';
/** A template the IC made: only its creator (or an admin) may rename or delete it. */
const icTemplate = (crew: Room) => makeTemplate(undefined, crew.people.users.ic.id);

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

export const TEMPLATE_CASES: CaseTable = {
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
};
