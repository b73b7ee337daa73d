import 'server-only';
import { plural } from '@/lib/domain/plural';
import type { CreateDeploymentInput } from '@/lib/schemas/deployment';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { ADMIN_TOKEN_USER_ID } from '@/lib/server/auth/get-actor';
import { runOffThread } from '@/lib/server/cpu-pool/pool';
import { prisma } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { commit } from '@/lib/server/events/commit';
import { openRedlineCount } from '@/lib/server/redlines/review-redlines';
import { instantiateDeployment } from './instantiate';

/** Starts a war room from a template; the creator becomes its incident commander. */
export async function createDeployment(actor: SignedInActor, input: CreateDeploymentInput & { goLiveAt: string }) {
  // A token limited to one deployment must not start others.
  if (actor.token && (!actor.token.scopes.includes('write') || actor.token.deploymentId))
    throw new AppError('forbidden', 'This token may not create deployments.');
  const template = await prisma.template.findUnique({ where: { id: input.templateId } });
  if (!template) throw new AppError('not_found', 'No such template.');
  // Validating a whole definition is CPU work: on the pool (lib/server/cpu-pool).
  const parsed = await runOffThread('validateTemplate', { definition: template.definition, checkReferences: false });
  if (!parsed.ok) throw new AppError('invalid_body', 'That template is damaged and cannot start a deployment.');
  const creator = actor.userId === ADMIN_TOKEN_USER_ID ? null : actor.userId;
  const { result } = await commit(async (tx, append) => {
    const { deployment, itemCount } = await instantiateDeployment(
      tx,
      parsed.definition,
      {
        name: input.name,
        version: input.version,
        environment: input.environment,
        strategy: input.strategy,
        goLiveAt: new Date(input.goLiveAt),
        templateId: template.id,
        // Read in the same row as the definition, so the pin and the steps always agree.
        templateVersion: template.currentVersion,
        allowSelfOverride: input.allowSelfOverride,
        rehearsal: input.rehearsal,
      },
      creator,
    );
    await append({
      deploymentId: deployment.id,
      type: 'deployment.created',
      actorId: actor.userId,
      actorName: actor.name,
      roleKey: creator ? 'ic' : null,
      data: {
        name: deployment.name,
        templateId: template.id,
        templateVersion: template.currentVersion,
        items: itemCount,
        ...(deployment.allowSelfOverride ? { allowSelfOverride: true } : {}),
        ...(deployment.rehearsal ? { rehearsal: true } : {}),
      },
    });
    return {
      id: deployment.id,
      name: deployment.name,
      state: deployment.state,
      goLiveAt: deployment.goLiveAt.toISOString(),
      items: itemCount,
      rehearsal: deployment.rehearsal,
    };
  });
  // The runbook may be wrong where the last run said so: the start form shows this.
  const open = await openRedlineCount(template.id);
  const warnings = open ? [`${plural(open, 'unresolved redline')} from the last run`] : [];
  return { ...result, openRedlines: open, warnings };
}
