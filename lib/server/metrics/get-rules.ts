/**
 * `GET /api/deployments/:id/rules`: the thresholds the deployment is judged by. A deployment whose
 * runbook brought no metric table is judged by the standard go-live rules for the series it
 * reports; those come back with `id: null` and `defaults: true`, so the editor can say so.
 */

import 'server-only';
import type { RuleDto, RulesDto } from '@/lib/contracts/metrics';
import { effectiveRules } from '@/lib/domain/metrics/sources';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma, type Tx } from '@/lib/server/db';
import { authorize } from '@/lib/server/deployments/load-access';

export async function readRules(deploymentId: string, db: Tx | typeof prisma = prisma): Promise<RulesDto> {
  const rows = await db.metricRule.findMany({ where: { deploymentId }, orderBy: { position: 'asc' } });
  if (rows.length) {
    const rules = rows.map((r): RuleDto => ({
      id: r.id,
      series: r.series,
      comparison: r.comparison === '<' ? '<' : '>',
      unit: r.unit,
      target: r.target,
      warn: r.warn,
      critical: r.critical,
      sustainSec: r.sustainSec,
    }));
    return { rules, defaults: false };
  }
  const series = await db.metricSeries.findMany({ where: { deploymentId }, select: { key: true } });
  const rules = effectiveRules(
    [],
    series.map((s) => s.key),
  ).map((r): RuleDto => ({
    id: null,
    series: r.series,
    comparison: r.comparison,
    unit: r.unit ?? '',
    target: r.target ?? null,
    warn: r.warn ?? null,
    critical: r.critical ?? null,
    sustainSec: r.sustainSec ?? 0,
  }));
  return { rules, defaults: true };
}

export async function getRules(actor: SignedInActor, deploymentId: string): Promise<RulesDto> {
  await authorize(actor, 'deployment.read', deploymentId);
  return readRules(deploymentId);
}
