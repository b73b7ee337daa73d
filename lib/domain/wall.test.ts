import { describe, expect, it } from 'vitest';
import { phaseClock } from './wall';

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
