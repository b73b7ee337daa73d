import { SCENARIOS } from '@/lib/domain/metrics/simulator';
import { MAX_PROMETHEUS_REQUESTS_PER_SEC, minPollIntervalSec } from '@/lib/domain/metrics/sources';
import { comparisonSchema } from '@/lib/domain/template-definition';
import { z } from '@/lib/zod';

/** Boundary schemas for metrics and health: shared by the route handlers and the UI forms. */

/** At most this many samples per push; bigger backfills are split by the sender. */
export const MAX_SAMPLES_PER_PUSH = 5000;
/** Body limit for a push: 5 000 samples with long series names and ISO timestamps fit. */
export const PUSH_BODY_LIMIT = 1024 * 1024;
/** Distinct series one deployment may have; a typo loop in a script must not create thousands. */
export const MAX_SERIES_PER_DEPLOYMENT = 50;
export const MAX_RULES = 50;

export const seriesKeySchema = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_.:-]{0,79}$/,
    'Series keys are letters, digits, "_", ".", ":" or "-" (up to 80), starting with a letter or "_"',
  );

/** Epoch milliseconds; 1e11 ms is 1973 — anything smaller is almost surely seconds sent by mistake. */
const epochMsSchema = z
  .number()
  .finite()
  .refine((ms) => ms >= 1e11, 'ts looks like seconds: send epoch milliseconds or an ISO 8601 string');

export const sampleTimeSchema = z.union([
  epochMsSchema,
  z.iso.datetime({ offset: true }).transform((text) => Date.parse(text)),
]);

export const sampleSchema = z.object({
  series: seriesKeySchema,
  ts: sampleTimeSchema,
  value: z.number().finite(),
});

const unitSchema = z.string().trim().max(20);

/** POST /api/deployments/:id/metrics */
export const pushSamplesSchema = z.object({
  samples: z
    .array(sampleSchema)
    .min(1, 'Send at least one sample')
    .max(MAX_SAMPLES_PER_PUSH, `At most ${MAX_SAMPLES_PER_PUSH} samples per request: split the batch`),
  /** Optional unit per series ("s", "ms", "%"), used when the series is first seen. */
  units: z.record(seriesKeySchema, unitSchema).optional(),
});
export type PushSamplesInput = z.infer<typeof pushSamplesSchema>;

/** GET /api/deployments/:id/metrics?series=a,b&from=&to= */
export const metricsQuerySchema = z.object({
  series: z
    .string()
    .max(2000)
    .optional()
    .transform((text) =>
      text
        ? text
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    )
    .pipe(z.array(seriesKeySchema).max(MAX_SERIES_PER_DEPLOYMENT)),
  from: z
    .union([z.coerce.number().pipe(epochMsSchema), z.iso.datetime({ offset: true }).transform((t) => Date.parse(t))])
    .optional(),
  to: z
    .union([z.coerce.number().pipe(epochMsSchema), z.iso.datetime({ offset: true }).transform((t) => Date.parse(t))])
    .optional(),
});
export type MetricsQueryInput = z.infer<typeof metricsQuerySchema>;

const threshold = z.number().finite().nullable().default(null);

export const ruleInputSchema = z.object({
  /** Kept when it names an existing rule of this deployment; new rules get a fresh id. */
  id: z.string().max(40).nullish(),
  series: seriesKeySchema,
  comparison: comparisonSchema,
  unit: unitSchema.default(''),
  target: threshold,
  warn: threshold,
  critical: threshold,
  sustainSec: z.number().int().min(0).max(86_400).default(0),
});

/** PUT /api/deployments/:id/rules — the whole set, in display order. */
export const updateRulesSchema = z
  .object({ rules: z.array(ruleInputSchema).max(MAX_RULES) })
  .superRefine((value, ctx) => {
    value.rules.forEach((rule, i) => {
      const { warn, critical, comparison } = rule;
      if (warn !== null && critical !== null && (comparison === '>' ? critical < warn : critical > warn)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'critical'],
          message: `${rule.series}: critical must be ${comparison === '>' ? 'at or above' : 'at or below'} warn for "${comparison}"`,
        });
      }
    });
  });
export type UpdateRulesInput = z.input<typeof updateRulesSchema>;
export type RuleInput = z.infer<typeof ruleInputSchema>;

/** POST /api/deployments/:id/health/acknowledge — `level` is what the IC saw (optional). */
export const acknowledgeHealthSchema = z.object({ level: z.union([z.literal(2), z.literal(3)]).optional() });

/** POST /api/deployments/:id/simulator */
export const startSimulatorSchema = z.object({
  scenario: z.enum(SCENARIOS),
  seed: z.union([z.number().int(), z.string().max(40)]).optional(),
});
export type StartSimulatorInput = z.infer<typeof startSimulatorSchema>;

const querySpec = z.union([
  z.string().trim().min(1).max(2000),
  z.object({ query: z.string().trim().min(1).max(2000), unit: unitSchema.optional() }),
]);

/** PUT /api/deployments/:id/sources/prometheus */
export const prometheusSourceSchema = z
  .object({
    baseUrl: z
      .url({ protocol: /^https?$/, error: 'baseUrl must be an http(s) URL, e.g. http://prometheus:9090' })
      .max(500),
    /** Seconds between polls (default 5). 1 s is allowed for rehearsals and tests (up to 5 queries). */
    intervalSec: z.number().int().min(1).max(3600).default(5),
    /** Per-request timeout; defaults to the interval, capped at 10 s. */
    timeoutMs: z.number().int().min(100).max(30_000).optional(),
    queries: z
      .record(seriesKeySchema, querySpec)
      .refine((q) => Object.keys(q).length >= 1, 'Give at least one query, e.g. {"error_rate": "…"}')
      .refine(
        (q) => Object.keys(q).length <= MAX_SERIES_PER_DEPLOYMENT,
        `At most ${MAX_SERIES_PER_DEPLOYMENT} queries`,
      ),
    active: z.boolean().default(true),
  })
  .superRefine((value, ctx) => {
    const count = Object.keys(value.queries).length;
    const floor = minPollIntervalSec(count);
    if (value.intervalSec < floor) {
      ctx.addIssue({
        code: 'custom',
        path: ['intervalSec'],
        message: `${count} queries every ${value.intervalSec} s is more than ${MAX_PROMETHEUS_REQUESTS_PER_SEC} requests a second to Prometheus: poll every ${floor} s or more, or use fewer queries`,
      });
    }
  });
export type PrometheusSourceInput = z.input<typeof prometheusSourceSchema>;
export type PrometheusSourceConfig = z.infer<typeof prometheusSourceSchema>;
