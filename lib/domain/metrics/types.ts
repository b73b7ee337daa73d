/** Shapes shared by the metric health engine. */

/** 1 ok / minor: keep going · 2 major: prepare rollback · 3 critical: roll back now. */
export type HealthLevel = 1 | 2 | 3;

/** One metric reading; `ts` is milliseconds since the epoch. */
export type Sample = { ts: number; value: number };

/** Recent samples per series key, each list sorted by `ts` ascending. */
export type SamplesBySeries = Record<string, readonly Sample[] | undefined>;

/** The unit each series is pushed in (from MetricSeries.unit), so thresholds in s can judge samples in ms. */
export type SeriesUnits = Record<string, string | undefined>;

/** A finding worth telling the IC about; merged into `reasons`, one line per series at its worst level. */
export type Finding = { level: HealthLevel; series: string; text: string };
