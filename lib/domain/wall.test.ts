import { describe, expect, it } from 'vitest';
import { keyCharts, phaseClock } from './wall';

const started = '2026-12-05T08:00:00.000Z';
const at = (iso: string) => new Date(iso).getTime();

describe('phaseClock', () => {
  it('says how long the running phase has taken against its plan', () => {
    expect(phaseClock({ startedAt: started, plannedDurationMin: 20 }, at('2026-12-05T08:12:30Z'))).toEqual({
      elapsedSec: 750,
      plannedSec: 1200,
      over: false,
    });
  });

  it('is over once the phase runs past its planned duration, and never over without a plan', () => {
    expect(phaseClock({ startedAt: started, plannedDurationMin: 10 }, at('2026-12-05T08:10:01Z'))?.over).toBe(true);
    expect(phaseClock({ startedAt: started, plannedDurationMin: null }, at('2026-12-05T18:00:00Z'))).toEqual({
      elapsedSec: 36_000,
      plannedSec: null,
      over: false,
    });
  });

  it('has nothing to say before the phase starts, and reads zero when the wall clock is behind', () => {
    expect(phaseClock({ startedAt: null, plannedDurationMin: 10 }, at('2026-12-05T08:00:00Z'))).toBeNull();
    expect(phaseClock({ startedAt: started, plannedDurationMin: 10 }, at('2026-12-05T07:59:00Z'))?.elapsedSec).toBe(0);
  });
});

describe('keyCharts', () => {
  const rule = { comparison: '>' as const, warn: 1, critical: 5, unit: '%' };
  const series = (key: string, value: number | null, judged = true) => ({
    key,
    unit: '%',
    last: value === null ? null : { value },
    rule: judged ? rule : null,
  });

  it('shows the series a rule judges, the worst first, then in the order the war room sees them', () => {
    const shown = keyCharts(
      [series('cpu', 90, false), series('errors', 0.2), series('latency', 7), series('saturation', 2)],
      3,
    );
    expect(shown.map((s) => s.key)).toEqual(['latency', 'saturation', 'errors']);
  });

  it('never cuts a red line for a green one when room runs out', () => {
    const shown = keyCharts([series('a', 0), series('b', 0), series('c', 9)], 2);
    expect(shown.map((s) => s.key)).toEqual(['c', 'a']);
  });

  it('falls back to the first series when no rule judges any', () => {
    const shown = keyCharts([series('x', 1, false), series('y', null, false), series('z', 3, false)], 2);
    expect(shown.map((s) => s.key)).toEqual(['x', 'y']);
  });
});
