import { randomUUID } from 'node:crypto';
import { DEFAULT_POLICY, type RunbookCheck } from '@/lib/domain/checks';
import type { TemplateDefinition, TemplateItem } from '@/lib/domain/template-definition';
import type { Tx } from '@/lib/server/db';

export type DeploymentMeta = {
  name: string;
  version?: string;
  environment?: string;
  strategy?: string;
  goLiveAt: Date;
  templateId?: string | null;
  /** The template version the definition is (pinned for good). */
  templateVersion?: number | null;
  /** The IC may override a gate they signed themselves. */
  allowSelfOverride?: boolean;
  rehearsal?: boolean;
};

type ItemRow = {
  id: string;
  deploymentId: string;
  phaseId: string;
  parentId: string | null;
  roleId: string;
  section: string | null;
  position: number;
  title: string;
  command: string | null;
  expectedOutput: string | null;
  status: 'pending' | 'done';
  doneBeforeStart: boolean;
};

const BATCH = 1000;

/**
 * A template item's check on the deployment's item, waiting for its phase. A ci check starts
 * without a secret: the IC or the owner sets it on the item to get its URL (answered once).
 */
function itemCheckRow(itemId: string, deploymentId: string, check: RunbookCheck) {
  const { intervalSec, passesNeeded, autoTick, ...spec } = check;
  return {
    itemId,
    deploymentId,
    kind: spec.kind,
    spec: spec as object,
    intervalSec: intervalSec ?? DEFAULT_POLICY.intervalSec,
    passesNeeded: passesNeeded ?? DEFAULT_POLICY.passesNeeded,
    autoTick: autoTick ?? DEFAULT_POLICY.autoTick,
  };
}

/**
 * Creates the rows of a new war room from a template inside the caller's transaction: roles,
 * phases, the item tree (ids made here so children can point at parents in one bulk insert),
 * gates and metric rules. The creator becomes the incident commander.
 */
export async function instantiateDeployment(
  tx: Tx,
  definition: TemplateDefinition,
  meta: DeploymentMeta,
  creatorUserId: string | null,
) {
  const deployment = await tx.deployment.create({
    data: {
      name: meta.name,
      version: meta.version ?? '',
      environment: meta.environment ?? 'production',
      strategy: meta.strategy ?? '',
      goLiveAt: meta.goLiveAt,
      templateId: meta.templateId ?? null,
      templateVersion: meta.templateId ? (meta.templateVersion ?? null) : null,
      createdById: creatorUserId,
      allowSelfOverride: Boolean(meta.allowSelfOverride),
      rehearsal: Boolean(meta.rehearsal),
      decisionTree: JSON.parse(JSON.stringify(definition.decisionTree)),
    },
  });
  const roleIds = new Map<string, string>();
  const roles = definition.roles.some((r) => r.isIc)
    ? definition.roles
    : [{ key: 'ic', name: 'Incident Commander', isIc: true, contact: null, aliases: [] }, ...definition.roles];
  await tx.role.createMany({
    data: roles.map((role, position) => {
      const id = randomUUID();
      roleIds.set(role.key, id);
      return {
        id,
        deploymentId: deployment.id,
        key: role.key,
        name: role.name,
        isIc: role.isIc,
        readOnly: role.key === 'stakeholder',
        position,
        contact: role.contact ?? null,
      };
    }),
  });
  const icRoleId = roleIds.get(roles.find((r) => r.isIc)!.key)!;

  const items: ItemRow[] = [];
  const checks: ReturnType<typeof itemCheckRow>[] = [];
  const gates: {
    deploymentId: string;
    phaseId: string;
    title: string;
    kind: 'gate' | 'checkpoint';
    checkpointOffsetMin: number | null;
    requiredRoles: string[];
    position: number;
    allowSameSigner: boolean;
  }[] = [];
  const phases = definition.phases.map((phase, position) => ({
    id: randomUUID(),
    deploymentId: deployment.id,
    position,
    title: phase.title,
    description: phase.description,
    kind: phase.kind,
    plannedStartMin: phase.plannedStartMin,
    plannedDurationMin: phase.plannedDurationMin,
  }));
  definition.phases.forEach((phase, phaseIndex) => {
    const phaseId = phases[phaseIndex].id;
    const walk = (list: TemplateItem[], parentId: string | null) => {
      list.forEach((item, position) => {
        const id = randomUUID();
        items.push({
          id,
          deploymentId: deployment.id,
          phaseId,
          parentId,
          roleId: roleIds.get(item.roleKey) ?? icRoleId,
          section: item.section ?? null,
          position,
          title: item.title,
          command: item.command ?? null,
          expectedOutput: item.expectedOutput ?? null,
          status: item.doneBeforeStart ? 'done' : 'pending',
          doneBeforeStart: Boolean(item.doneBeforeStart),
        });
        if (item.check) checks.push(itemCheckRow(id, deployment.id, item.check));
        walk(item.children, id);
      });
    };
    walk(phase.items, null);
    phase.gates.forEach((gate) => {
      gates.push({
        deploymentId: deployment.id,
        phaseId,
        title: gate.title,
        kind: gate.kind,
        checkpointOffsetMin: gate.offsetMin ?? null,
        requiredRoles: gate.requiredRoles.filter((key) => roleIds.has(key)),
        position: gates.length,
        allowSameSigner: Boolean(gate.allowSameSigner),
      });
    });
  });
  await tx.phase.createMany({ data: phases });
  for (let i = 0; i < items.length; i += BATCH) await tx.checklistItem.createMany({ data: items.slice(i, i + BATCH) });
  for (let i = 0; i < checks.length; i += BATCH) await tx.itemCheck.createMany({ data: checks.slice(i, i + BATCH) });
  if (gates.length) await tx.gate.createMany({ data: gates });
  if (definition.rules.length) {
    await tx.metricRule.createMany({
      data: definition.rules.map((rule, position) => ({
        deploymentId: deployment.id,
        series: rule.series,
        comparison: rule.comparison,
        unit: rule.unit,
        target: rule.target,
        warn: rule.warn,
        critical: rule.critical,
        sustainSec: rule.sustainSec,
        position,
      })),
    });
  }
  if (creatorUserId)
    await tx.participant.create({ data: { deploymentId: deployment.id, roleId: icRoleId, userId: creatorUserId } });
  return { deployment, roleIds, itemCount: items.length };
}
