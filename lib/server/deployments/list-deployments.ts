import 'server-only';
import { UNFINISHED_LIST_MAX, type DeploymentListDto, type DeploymentListQuery } from '@/lib/contracts/deployments';
import { DEPLOYMENT_KINDS, type DeploymentKind } from '@/lib/domain/deployment-kind';
import { TERMINAL_STATES } from '@/lib/domain/deployment-state';
import { isFinished } from '@/lib/domain/items';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { SignedInActor } from '@/lib/server/auth/get-actor';
import { prisma } from '@/lib/server/db';
import { AppError } from '@/lib/server/errors';
import { choiceOf } from '@/lib/server/http/query-choice';
import { containing, searchTextOf } from '@/lib/server/http/search-text';

/** Finished war rooms per page: a team's go-lives and rehearsals add up to hundreds a year. */
const FINISHED_PAGE = 50;
const MAX_OFFSET = 1_000_000;

/** `?finishedOffset=`: a whole number, or absent (the newest page); anything else is undefined. */
export function parseFinishedOffset(raw: string | null | undefined): number | undefined {
  if (raw === null || raw === undefined) return 0;
  if (!/^(0|[1-9][0-9]{0,6})$/.test(raw) || Number(raw) > MAX_OFFSET) return undefined;
  return Number(raw);
}

/** The API's reading of `?q=&kind=&finishedOffset=`: 400 invalid_query naming what is wrong. */
export function deploymentListQueryOf(query: URLSearchParams): DeploymentListQuery {
  const finishedOffset = parseFinishedOffset(query.get('finishedOffset'));
  if (finishedOffset === undefined)
    throw new AppError(
      'invalid_query',
      '`finishedOffset` must be a whole number: 0, then the nextFinishedOffset given.',
    );
  const kind = choiceOf(query, 'kind', DEPLOYMENT_KINDS, 'all');
  return { q: searchTextOf(query, "a go-live's name, version or environment"), kind, finishedOffset };
}

const KIND_WHERE: Record<DeploymentKind, Prisma.DeploymentWhereInput> = {
  all: {},
  'go-live': { rehearsal: false },
  rehearsal: { rehearsal: true },
};

/**
 * Deployments the actor takes part in (all of them for an admin), those whose name, version or
 * environment contains `q` when there is one, of the `kind` asked for: every unfinished one,
 * soonest go-live first, then one page of finished ones, most recently finished first. (One list
 * of the 500 earliest go-lives lost every new war room once a team had run 500.)
 */
export async function listDeployments(
  actor: SignedInActor,
  { q, kind, finishedOffset }: DeploymentListQuery = { q: '', kind: 'all', finishedOffset: 0 },
): Promise<DeploymentListDto> {
  const where = actor.isAdmin ? {} : { participants: { some: { userId: actor.userId } } };
  const tokenScoped = actor.token?.deploymentId ? { ...where, id: actor.token.deploymentId } : where;
  const searched = q
    ? { OR: [{ name: containing(q) }, { version: containing(q) }, { environment: containing(q) }] }
    : {};
  const scoped = { ...tokenScoped, ...searched, ...KIND_WHERE[kind] };
  const include = {
    participants: { where: { userId: actor.userId }, select: { role: { select: { key: true } } } },
  } as const;
  const [unfinished, finished] = await Promise.all([
    prisma.deployment.findMany({
      where: { ...scoped, state: { notIn: [...TERMINAL_STATES] } },
      orderBy: [{ goLiveAt: 'asc' }, { id: 'asc' }],
      take: UNFINISHED_LIST_MAX,
      include,
    }),
    prisma.deployment.findMany({
      where: { ...scoped, state: { in: [...TERMINAL_STATES] } },
      orderBy: [{ finishedAt: { sort: 'desc', nulls: 'last' } }, { goLiveAt: 'desc' }, { id: 'desc' }],
      skip: finishedOffset,
      take: FINISHED_PAGE + 1,
      include,
    }),
  ]);
  const deployments = [...unfinished, ...finished.slice(0, FINISHED_PAGE)];
  const ids = deployments.map((d) => d.id);
  const counts = ids.length
    ? await prisma.checklistItem.groupBy({
        by: ['deploymentId', 'status'],
        where: { deploymentId: { in: ids } },
        _count: { _all: true },
      })
    : [];
  const progress = new Map<string, { done: number; total: number }>();
  for (const row of counts) {
    const p = progress.get(row.deploymentId) ?? { done: 0, total: 0 };
    p.total += row._count._all;
    if (isFinished(row.status)) p.done += row._count._all;
    progress.set(row.deploymentId, p);
  }
  return {
    deployments: deployments.map((d) => ({
      id: d.id,
      name: d.name,
      version: d.version,
      environment: d.environment,
      state: d.state,
      goLiveAt: d.goLiveAt.toISOString(),
      healthLevel: d.healthLevel,
      progress: progress.get(d.id) ?? { done: 0, total: 0 },
      myRoles: d.participants.map((p) => p.role.key),
      finishedAt: d.finishedAt?.toISOString() ?? null,
      rehearsal: d.rehearsal,
    })),
    nextFinishedOffset: finished.length > FINISHED_PAGE ? finishedOffset + FINISHED_PAGE : null,
  };
}
