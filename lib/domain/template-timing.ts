/**
 * Timing across runs (issue 17): for a template, each phase's planned duration against what its
 * runs took, and which steps take longest. Pure: the server reads finished phases and ticked
 * steps of every deployment made from the template and hands them here.
 *
 * A phase counts once it has finished, in any run, finished or still going (so a rehearsal's first
 * phase counts before the rehearsal ends). A step's time is read off the ticks, because steps have
 * no start time of their own: from the previous tick of a step of the same role in the same phase
 * of the same run (or the phase's start, for that role's first tick) to its own tick. Per role,
 * because roles work side by side: the DBA's migration is not "2 minutes" because the IC ticked
 * a freeze while it ran.
 */

export type TimingStats = { n: number; medianMin: number; p90Min: number; lastMin: number };

export type PhaseRun = {
  deploymentId: string;
  title: string;
  startedAt: Date;
  completedAt: Date;
};

export type StepTick = {
  deploymentId: string;
  phaseKey: string;
  phaseTitle: string;
  phaseStartedAt: Date;
  /** The step's role (its key): each role's ticks are a sequence of their own. */
  roleKey: string;
  title: string;
  doneAt: Date;
};

export type TimingAnswer = {
  runs: number;
  phases: { title: string; plannedDurationMin: number | null; actual: TimingStats | null; overBy: number | null }[];
  items: { title: string; phase: string; actual: TimingStats }[];
};

const minutes = (from: Date, to: Date) => Math.max(0, (to.getTime() - from.getTime()) / 60_000);
const round = (value: number) => Math.round(value * 10) / 10;

/** Nearest-rank percentile over sorted values (p in 0–100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function median(sorted: readonly number[]): number {
  if (!sorted.length) return 0;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Stats over (time, minutes) samples; `last` is the newest sample's. */
export function statsOf(samples: readonly { at: Date; min: number }[]): TimingStats | null {
  if (!samples.length) return null;
  const sorted = samples.map((s) => s.min).sort((a, b) => a - b);
  const newest = samples.reduce((a, b) => (b.at.getTime() > a.at.getTime() ? b : a));
  return {
    n: samples.length,
    medianMin: round(median(sorted)),
    p90Min: round(percentile(sorted, 90)),
    lastMin: round(newest.min),
  };
}

/** Step durations from ticks: each tick minus the previous tick of its role in the same phase of the same run. */
export function stepDurations(ticks: readonly StepTick[]) {
  const byPhase = new Map<string, StepTick[]>();
  for (const tick of ticks) {
    const key = `${tick.deploymentId}\u0000${tick.phaseKey}\u0000${tick.roleKey}`;
    byPhase.set(key, [...(byPhase.get(key) ?? []), tick]);
  }
  const out: { title: string; phase: string; at: Date; min: number }[] = [];
  for (const list of byPhase.values()) {
    list.sort((a, b) => a.doneAt.getTime() - b.doneAt.getTime());
    let previous = list[0].phaseStartedAt;
    for (const tick of list) {
      if (tick.doneAt < tick.phaseStartedAt) continue; // ticked before the phase started: not timed
      out.push({ title: tick.title, phase: tick.phaseTitle, at: tick.doneAt, min: minutes(previous, tick.doneAt) });
      previous = tick.doneAt;
    }
  }
  return out;
}

export const SLOWEST_STEPS = 50;

/**
 * Phases in the template's order (matched to runs by title), each with its actual stats and how
 * far its median runs over the plan (null when it does not, or there is no plan); steps slowest first.
 */
export function templateTiming(
  planned: readonly { title: string; plannedDurationMin: number | null }[],
  phaseRuns: readonly PhaseRun[],
  ticks: readonly StepTick[],
): TimingAnswer {
  const runs = new Set(phaseRuns.map((p) => p.deploymentId));
  const phases = planned.map((phase) => {
    const actual = statsOf(
      phaseRuns
        .filter((r) => r.title === phase.title)
        .map((r) => ({ at: r.completedAt, min: minutes(r.startedAt, r.completedAt) })),
    );
    const overBy =
      actual && phase.plannedDurationMin !== null && actual.medianMin > phase.plannedDurationMin
        ? round(actual.medianMin - phase.plannedDurationMin)
        : null;
    return { title: phase.title, plannedDurationMin: phase.plannedDurationMin, actual, overBy };
  });
  const bySteps = new Map<string, { title: string; phase: string; samples: { at: Date; min: number }[] }>();
  for (const d of stepDurations(ticks)) {
    const key = `${d.phase}\u0000${d.title}`;
    const entry = bySteps.get(key) ?? { title: d.title, phase: d.phase, samples: [] };
    entry.samples.push({ at: d.at, min: d.min });
    bySteps.set(key, entry);
  }
  const items = [...bySteps.values()]
    .map((s) => ({ title: s.title, phase: s.phase, actual: statsOf(s.samples)! }))
    .sort((a, b) => b.actual.medianMin - a.actual.medianMin || a.title.localeCompare(b.title))
    .slice(0, SLOWEST_STEPS);
  return { runs: runs.size, phases, items };
}

/**
 * A phase whose runs went over its plan in most of them (at least 3 runs, median over): the
 * suggested new plan is the p90 rounded up to 5 minutes. Null when there is nothing to suggest.
 */
export function durationSuggestion(phase: TimingAnswer['phases'][number]): number | null {
  if (!phase.actual || phase.actual.n < 3 || phase.plannedDurationMin === null || phase.overBy === null) return null;
  return Math.ceil(phase.actual.p90Min / 5) * 5;
}

/** "Runs of this template took 42–58 min (p90 55); this plan allows 45", for the start form. */
export function runsSentence(totals: readonly number[], plannedTotal: number | null): string | null {
  if (!totals.length) return null;
  const sorted = [...totals].sort((a, b) => a - b);
  const lo = Math.round(sorted[0]);
  const hi = Math.round(sorted[sorted.length - 1]);
  const range = lo === hi ? `${lo} min` : `${lo}–${hi} min`;
  const plan = plannedTotal !== null ? `; this plan allows ${plannedTotal}` : '';
  return `Runs of this template took ${range} (p90 ${Math.round(percentile(sorted, 90))})${plan}`;
}
