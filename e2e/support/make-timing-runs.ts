// For the template-timing e2e: three past go-lives of a template whose given phase ran over its
// plan, and one rehearsal, with the times they took.
import { makePastRun } from '../../lib/server/seed/past-runs';

export async function makeTimingRuns(templateId: string, userId: string) {
  const people = { ic: [userId] };
  for (const [n, deploy] of [30, 35, 40].entries())
    await makePastRun({
      templateId,
      people,
      start: new Date(Date.UTC(2026, 10, n + 1, 8)),
      phases: [
        { minutes: 25, ticks: { 'Back up the database': 20, 'Freeze merges': 2 } },
        { minutes: deploy, ticks: { 'Run migrations': deploy - 5 } },
      ],
    });
  await makePastRun({
    templateId,
    people,
    rehearsal: true,
    start: new Date(Date.UTC(2026, 10, 10, 8)),
    phases: [{ minutes: 12 }, { minutes: 8 }],
  });
}
