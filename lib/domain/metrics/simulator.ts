/**
 * Deterministic metric scenarios for rehearsals and the demo. A value depends only on (seed,
 * scenario, series, whole seconds since start), never on call history, so a page reload, a second
 * process or a test all see the same curve.
 *
 * Scenarios, judged by DEFAULT_RULES + DEFAULT_DECISION_TREE at one sample per second:
 * - healthy:   everything well inside targets — stays at level 1.
 * - slow-burn: from minute 2 errors, latency and CPU creep up — level 2 around minute 6-7,
 *              level 3 around minute 12-13.
 * - spike:     at 30 s the error rate jumps to ~24 % and stays — level 3 about 35 s later
 *              (30 s sustain), comfortably inside 90 s of the start.
 * - outage:    at 20 s the service falls over: throughput to ~0, errors near 100 %.
 */

import { hashString, mulberry32 } from './prng';

export { DEFAULT_RULES, DEFAULT_SERIES, type SeriesDefinition } from './default-series';

export const SCENARIOS = ['healthy', 'slow-burn', 'spike', 'outage'] as const;
export type Scenario = (typeof SCENARIOS)[number];

export function isScenario(value: unknown): value is Scenario {
  return typeof value === 'string' && (SCENARIOS as readonly string[]).includes(value);
}

/** [seconds since start, value]; values in between are interpolated linearly, held after the last. */
type Keyframe = readonly [number, number];

type SeriesProfile = {
  /** The healthy value. */
  baseline: number;
  /** Relative noise amplitude per sample (0.1 = ±10 %). */
  noise: number;
  min: number;
  max: number;
  decimals: number;
};

const PROFILES: Record<string, SeriesProfile> = {
  error_rate: { baseline: 0.4, noise: 0.12, min: 0, max: 100, decimals: 2 },
  p95_latency: { baseline: 180, noise: 0.1, min: 1, max: Infinity, decimals: 0 },
  p99_latency: { baseline: 380, noise: 0.1, min: 1, max: Infinity, decimals: 0 },
  cpu: { baseline: 38, noise: 0.05, min: 0, max: 100, decimals: 1 },
  db_connections: { baseline: 42, noise: 0.06, min: 0, max: Infinity, decimals: 0 },
  throughput: { baseline: 240, noise: 0.06, min: 0, max: Infinity, decimals: 1 },
};

/** Series the simulator does not know still get a plausible flat, noisy line. */
const UNKNOWN_PROFILE: SeriesProfile = { baseline: 50, noise: 0.05, min: 0, max: Infinity, decimals: 1 };

const SCENARIO_CURVES: Record<Scenario, Partial<Record<string, readonly Keyframe[]>>> = {
  healthy: {},
  'slow-burn': {
    error_rate: [
      [0, 0.4],
      [120, 0.5],
      [360, 3.4],
      [720, 11.5],
      [900, 16],
    ],
    p95_latency: [
      [0, 180],
      [120, 200],
      [480, 700],
      [720, 1300],
      [900, 1700],
    ],
    p99_latency: [
      [0, 380],
      [120, 420],
      [480, 1300],
      [720, 2300],
      [900, 3000],
    ],
    cpu: [
      [0, 38],
      [120, 40],
      [600, 80],
      [900, 90],
    ],
    db_connections: [
      [0, 42],
      [900, 140],
    ],
    throughput: [
      [0, 240],
      [900, 170],
    ],
  },
  spike: {
    error_rate: [
      [30, 0.4],
      [34, 24],
    ],
    p95_latency: [
      [30, 180],
      [35, 1400],
    ],
    p99_latency: [
      [30, 380],
      [35, 2600],
    ],
    cpu: [
      [30, 38],
      [40, 82],
    ],
    db_connections: [
      [30, 42],
      [40, 135],
    ],
    throughput: [
      [30, 240],
      [35, 200],
    ],
  },
  outage: {
    error_rate: [
      [20, 0.4],
      [26, 97],
    ],
    p95_latency: [
      [20, 180],
      [26, 9000],
    ],
    p99_latency: [
      [20, 380],
      [26, 15000],
    ],
    cpu: [
      [20, 38],
      [30, 6],
    ],
    db_connections: [
      [20, 42],
      [30, 3],
    ],
    throughput: [
      [20, 240],
      [26, 0.5],
    ],
  },
};

function interpolate(frames: readonly Keyframe[], sec: number): number {
  if (sec <= frames[0][0]) return frames[0][1];
  for (let i = 1; i < frames.length; i++) {
    const [t1, v1] = frames[i];
    if (sec <= t1) {
      const [t0, v0] = frames[i - 1];
      return v0 + ((v1 - v0) * (sec - t0)) / (t1 - t0);
    }
  }
  return frames[frames.length - 1][1];
}

function round(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

export type SimulateInput = {
  scenario: Scenario;
  seriesKeys: readonly string[];
  /** When the scenario started (ms epoch). */
  startedAt: number;
  /** The moment to produce values for (ms epoch). */
  at: number;
  seed?: number | string;
};

export type SimulatedValue = { series: string; value: number };

/** One value per requested series at `at`. */
export function simulateSamples({ scenario, seriesKeys, startedAt, at, seed = 1 }: SimulateInput): SimulatedValue[] {
  const sec = Math.max(0, Math.floor((at - startedAt) / 1000));
  return seriesKeys.map((series) => {
    const profile = PROFILES[series] ?? UNKNOWN_PROFILE;
    const frames = SCENARIO_CURVES[scenario][series];
    const level = frames ? interpolate(frames, sec) : profile.baseline;
    // A slow wander (period ~7 min, phase per seed and series) so lines look alive, plus per-second noise.
    const phase = (hashString(`${seed}|${series}`) / 2 ** 32) * 2 * Math.PI;
    const wander = 1 + 0.04 * Math.sin((2 * Math.PI * sec) / 420 + phase);
    const rand = mulberry32(hashString(`${seed}|${series}|${sec}`));
    const noise = 1 + (rand() + rand() - 1) * profile.noise;
    const value = Math.min(profile.max, Math.max(profile.min, level * wander * noise));
    return { series, value: round(value, profile.decimals) };
  });
}
