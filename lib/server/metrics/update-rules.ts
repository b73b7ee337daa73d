/**
 * `PUT /api/deployments/:id/rules`: the IC replaces the whole rule set (the editor always shows
 * all of it). The change is an event, and the deployment is re-judged at once: edited rules start
 * afresh from the recent samples rather than inheriting a level earned under other numbers.
 */

import 'server-only';
import { randomUUID } from 'node:crypto';
import type { RulesDto } from '@/lib/contracts/metrics';
import { plural } from '@/lib/domain/plural';
import type { RuleInput } from '@/lib/schemas/metrics';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { actingRole, authorize } from '@/lib/server/deployments/load-access';
import { commit } from '@/lib/server/events/commit';
import { readRules } from './get-rules';
import { requestEvaluation } from './health-scheduler';

const comparable = (r: Omit<RuleInput, 'id'>) =>
  JSON.stringify([r.series, r.comparison, r.unit, r.target, r.warn, r.critical, r.sustainSec]);

function summarise(rules: readonly RuleInput[]): string {
  if (rules.length === 0) return 'removed every metric rule';
  const names = rules.map((r) => r.series);
  return `set ${plural(rules.length, 'metric rule')} (${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''})`;
}

export async function updateRules(
  actor: SignedInActor,
  deploymentId: string,
  input: { rules: RuleInput[] },
): Promise<RulesDto & { seq: number | null }> {
  const access = await authorize(actor, 'metrics.manage', deploymentId);
  const { result } = await commit(async (tx, append) => {
    const existing = await tx.metricRule.findMany({ where: { deploymentId }, orderBy: { position: 'asc' } });
    const unchanged =
      existing.length === input.rules.length &&
      existing.every(
        (row, i) => comparable({ ...row, comparison: row.comparison as '>' | '<' }) === comparable(input.rules[i]),
      );
    if (unchanged) return { seq: null };
    const known = new Set(existing.map((r) => r.id));
    await tx.metricRule.deleteMany({ where: { deploymentId } });
    if (input.rules.length) {
      await tx.metricRule.createMany({
        data: input.rules.map((rule, position) => ({
          id: rule.id && known.has(rule.id) ? rule.id : randomUUID(),
          deploymentId,
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
    const event = await append({
      deploymentId,
      type: 'metrics.rules_updated',
      actorId: actor.userId,
      actorName: actor.name,
      roleKey: actingRole(access.heldRoles),
      data: { count: input.rules.length, series: input.rules.map((r) => r.series), summary: summarise(input.rules) },
    });
    return { seq: event.seq };
  });
  if (result.seq !== null) await requestEvaluation(deploymentId);
  return { ...(await readRules(deploymentId)), seq: result.seq };
}
