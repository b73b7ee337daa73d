import { prisma } from '../db';
import { makeDeployment } from './factories';

export type PastRunInput = {
  templateId: string;
  /** Role keys to user ids, as for makeDeployment. */
  people?: Record<string, string[]>;
  rehearsal?: boolean;
  /** Where the run ended up: completed (default), aborted, or still in progress. */
  state?: 'completed' | 'aborted' | 'in_progress';
  /** When the first phase started. */
  start: Date;
  /**
   * The phases that finished, in order from the first: how long each took, and when (minutes
   * after that phase's start) steps titled so were ticked done.
   */
  phases: { minutes: number; ticks?: Record<string, number> }[];
  name?: string;
};

const after = (from: Date, min: number) => new Date(from.getTime() + min * 60_000);

/**
 * A run of a template in the past, with the times it took: test and e2e setup for timing across
 * runs (timestamps a real run would take an hour to make). Not the behaviour under test.
 */
export async function makePastRun(input: PastRunInput) {
  const template = await prisma.template.findUniqueOrThrow({ where: { id: input.templateId } });
  const deployment = await makeDeployment({
    definition: template.definition as never,
    templateId: input.templateId,
    name: input.name,
    people: input.people,
  });
  const phases = await prisma.phase.findMany({ where: { deploymentId: deployment.id }, orderBy: { position: 'asc' } });
  let cursor = input.start;
  for (const [index, run] of input.phases.entries()) {
    const phase = phases[index];
    const completedAt = after(cursor, run.minutes);
    await prisma.phase.update({
      where: { id: phase.id },
      data: { status: 'completed', startedAt: cursor, completedAt },
    });
    for (const [title, min] of Object.entries(run.ticks ?? {}))
      await prisma.checklistItem.updateMany({
        where: { phaseId: phase.id, title },
        data: { status: 'done', updatedAt: after(cursor, min), version: { increment: 1 } },
      });
    cursor = completedAt;
  }
  const state = input.state ?? 'completed';
  await prisma.deployment.update({
    where: { id: deployment.id },
    data: {
      rehearsal: Boolean(input.rehearsal),
      state,
      startedAt: input.start,
      finishedAt: state === 'in_progress' ? null : cursor,
    },
  });
  return deployment;
}
