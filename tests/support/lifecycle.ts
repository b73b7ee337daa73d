import { expect, inject } from 'vitest';
import { prisma } from '@/lib/server/db';
import { makeToken, makeUser } from '@/lib/server/seed/factories';
import { makeCrew } from './crew';
import { http } from './http';

/**
 * makeCrew plus a tech lead and a second DevOps holder, so the demo's first gate (tech-lead,
 * dba, devops, qa) can be signed in full by four different people (Quinn holds QA and DevOps).
 */
export async function makeDrivenCrew() {
  const crew = await makeCrew();
  const [techLead, devops] = await Promise.all([makeUser({ name: 'Tomás Tech' }), makeUser({ name: 'Devi DevOps' })]);
  for (const [key, userId] of [
    ['tech-lead', techLead.id],
    ['devops', devops.id],
  ]) {
    const role = await prisma.role.findFirstOrThrow({ where: { deploymentId: crew.deployment.id, key } });
    await prisma.participant.create({ data: { deploymentId: crew.deployment.id, roleId: role.id, userId } });
  }
  const [techToken, devopsToken] = await Promise.all([makeToken(techLead.id), makeToken(devops.id)]);
  const id = crew.deployment.id;
  const as = (token: string) => http({ token });
  return {
    ...crew,
    id,
    techLead,
    devops,
    tokens: { ...crew.tokens, tech: techToken, devops: devopsToken, admin: inject('adminToken') },
    as,
    ic: as(crew.tokens.ic),
    url: (rest = '') => `/api/deployments/${id}${rest}`,
  };
}

export type DrivenCrew = Awaited<ReturnType<typeof makeDrivenCrew>>;

export async function phasesOf(deploymentId: string) {
  return prisma.phase.findMany({ where: { deploymentId }, orderBy: { position: 'asc' } });
}

export async function gatesOf(deploymentId: string) {
  return prisma.gate.findMany({
    where: { deploymentId },
    orderBy: { position: 'asc' },
    include: { signoffs: { orderBy: { createdAt: 'asc' } } },
  });
}

/** Marks every item of a phase done, directly: test setup, not the behaviour under test. */
export async function tickPhase(phaseId: string) {
  await prisma.checklistItem.updateMany({ where: { phaseId }, data: { status: 'done', version: { increment: 1 } } });
}

/** Everything a refused request must leave untouched. */
export async function snapshot(deploymentId: string) {
  const [deployment, phases, gates, signoffs, events] = await Promise.all([
    prisma.deployment.findUniqueOrThrow({
      where: { id: deploymentId },
      select: { state: true, heldFromState: true, stateReason: true, seq: true, startedAt: true, finishedAt: true },
    }),
    prisma.phase.findMany({
      where: { deploymentId },
      orderBy: { position: 'asc' },
      select: { id: true, status: true, startedAt: true, completedAt: true },
    }),
    prisma.gate.findMany({
      where: { deploymentId },
      orderBy: { position: 'asc' },
      select: { id: true, status: true, version: true, overrideReason: true, openedAt: true },
    }),
    prisma.signoff.findMany({
      where: { gate: { deploymentId } },
      orderBy: { id: 'asc' },
      select: { id: true, withdrawnAt: true },
    }),
    prisma.event.count({ where: { deploymentId } }),
  ]);
  return { deployment, phases, gates, signoffs, events };
}

/** The types of the events appended after `afterSeq`, in order — the exact count of an action's events. */
export async function eventTypesAfter(deploymentId: string, afterSeq: number): Promise<string[]> {
  const rows = await prisma.event.findMany({
    where: { deploymentId, seq: { gt: afterSeq } },
    orderBy: { seq: 'asc' },
    select: { type: true },
  });
  return rows.map((r) => r.type);
}

export async function seqOf(deploymentId: string) {
  return (await prisma.deployment.findUniqueOrThrow({ where: { id: deploymentId }, select: { seq: true } })).seq;
}

export function expectError(res: { status: number; body: unknown }, status: number, code: string) {
  const error = (res.body as { error?: { code?: string; message?: string } } | null)?.error;
  expect({ status: res.status, code: error?.code }).toEqual({ status, code });
  expect(error?.message?.length ?? 0).toBeGreaterThan(5);
}

/** Drives the demo deployment to: preflight, first phase started. */
export async function startFirstPhase(crew: DrivenCrew) {
  expect((await crew.ic.post(crew.url('/transitions'), { to: 'preflight' })).status).toBe(200);
  const [first] = await phasesOf(crew.id);
  expect((await crew.ic.post(crew.url(`/phases/${first.id}/start`))).status).toBe(200);
  return first;
}

/** All four roles of the demo's first gate approve it, one after another, each by a different person. */
export async function approveFirstGate(crew: DrivenCrew) {
  const [gate] = await gatesOf(crew.id);
  const url = crew.url(`/gates/${gate.id}/signoffs`);
  for (const [token, roleKey] of [
    [crew.tokens.tech, null],
    [crew.tokens.dba, null],
    [crew.tokens.qa, 'qa'],
    [crew.tokens.devops, null],
  ] as const) {
    const res = await crew.as(token).post(url, { decision: 'approve', roleKey });
    expect(res.status).toBe(201);
  }
  return gate;
}
