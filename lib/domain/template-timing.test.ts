import { describe, expect, it } from 'vitest';
import { durationSuggestion, percentile, runsSentence, stepDurations, templateTiming } from './template-timing';

const t = (min: number) => new Date(Date.UTC(2026, 11, 5, 8, 0) + min * 60_000);

describe('template timing', () => {
  it('nearest-rank p90 and the median', () => {
    expect(percentile([10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 90)).toBe(90);
    expect(percentile([5], 90)).toBe(5);
    const timing = templateTiming(
      [{ title: 'Deploy', plannedDurationMin: 20 }],
      [
        { deploymentId: 'a', title: 'Deploy', startedAt: t(0), completedAt: t(30) },
        { deploymentId: 'b', title: 'Deploy', startedAt: t(100), completedAt: t(125) },
        { deploymentId: 'c', title: 'Deploy', startedAt: t(200), completedAt: t(218) },
      ],
      [],
    );
    expect(timing.runs).toBe(3);
    expect(timing.phases[0].actual).toEqual({ n: 3, medianMin: 25, p90Min: 30, lastMin: 18 });
    expect(timing.phases[0].overBy).toBe(5);
    expect(durationSuggestion(timing.phases[0])).toBe(30);
  });

  it('a phase with no finished run has no actual; fewer than 3 runs suggest nothing', () => {
    const timing = templateTiming(
      [
        { title: 'Prep', plannedDurationMin: 10 },
        { title: 'Deploy', plannedDurationMin: null },
      ],
      [{ deploymentId: 'a', title: 'Prep', startedAt: t(0), completedAt: t(40) }],
      [],
    );
    expect(timing.phases[0].actual?.n).toBe(1);
    expect(durationSuggestion(timing.phases[0])).toBeNull();
    expect(timing.phases[1]).toMatchObject({ actual: null, overBy: null });
  });

  it('steps are timed from the previous tick of their role in their phase, slowest first', () => {
    const base = { deploymentId: 'a', phaseKey: 'p1', phaseTitle: 'Deploy', phaseStartedAt: t(0), roleKey: 'dba' };
    const steps = stepDurations([
      { ...base, title: 'Smoke', doneAt: t(12) },
      { ...base, title: 'Migrate', doneAt: t(10) },
    ]);
    expect(steps.map((s) => [s.title, s.min])).toEqual([
      ['Migrate', 10],
      ['Smoke', 2],
    ]);
    const timing = templateTiming(
      [],
      [],
      [
        { ...base, title: 'Smoke', doneAt: t(12) },
        { ...base, title: 'Migrate', doneAt: t(10) },
      ],
    );
    expect(timing.items.map((i) => i.title)).toEqual(['Migrate', 'Smoke']);
  });

  it('roles working side by side do not cut into each other’s steps', () => {
    const base = { deploymentId: 'a', phaseKey: 'p1', phaseTitle: 'Deploy', phaseStartedAt: t(0) };
    const steps = stepDurations([
      { ...base, roleKey: 'ic', title: 'Freeze merges', doneAt: t(2) },
      { ...base, roleKey: 'dba', title: 'Run migrations', doneAt: t(15) },
      { ...base, roleKey: 'ic', title: 'Announce', doneAt: t(16) },
      // Another run's phase starts its own sequence.
      {
        ...base,
        deploymentId: 'b',
        phaseKey: 'p2',
        phaseStartedAt: t(100),
        roleKey: 'dba',
        title: 'Run migrations',
        doneAt: t(109),
      },
    ]);
    expect(steps.map((s) => [s.title, s.min])).toEqual([
      ['Freeze merges', 2],
      ['Announce', 14],
      ['Run migrations', 15],
      ['Run migrations', 9],
    ]);
  });

  it('the start form sentence', () => {
    expect(runsSentence([42, 58, 55], 45)).toBe('Runs of this template took 42–58 min (p90 58); this plan allows 45');
    expect(runsSentence([50], null)).toBe('Runs of this template took 50 min (p90 50)');
    expect(runsSentence([], 45)).toBeNull();
  });
});
