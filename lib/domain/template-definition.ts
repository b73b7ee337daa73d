import { z } from '../zod';
import { CHECK_METHODS, type RunbookCheck } from './checks';

/**
 * A runbook template: the reusable plan a deployment is created from. The importer produces it,
 * the template library stores it (as JSON), the report exporter writes it back to Markdown.
 */

export const ROLE_KEY = /^[a-z][a-z0-9_-]{0,39}$/;

export const roleKeySchema = z
  .string()
  .regex(ROLE_KEY, 'Role keys are lower-case letters, digits, "-" or "_", starting with a letter');

export const templateRoleSchema = z.object({
  key: roleKeySchema,
  name: z.string().min(1).max(120),
  isIc: z.boolean().default(false),
  contact: z.string().max(200).nullish(),
  /** Names the runbook used for this role ("DBA-001", "Database Admin"). */
  aliases: z.array(z.string().max(120)).default([]),
});

export type TemplateItem = {
  title: string;
  roleKey: string;
  section?: string | null;
  command?: string | null;
  expectedOutput?: string | null;
  /** A check that proves the step (`Check: …` in a runbook): copied onto the deployment's item. */
  check?: RunbookCheck | null;
  doneBeforeStart?: boolean;
  /** 1-based line in the source Markdown, when imported. */
  line?: number | null;
  /** Where the owner came from: the runbook's words, a suggestion (until confirmed), or the IC fallback. */
  roleSource?: RoleSource | null;
  /** One line saying why this role owns the step ("command uses pg_dump"). */
  roleReason?: string | null;
  /** 0–1, suggestions only. */
  roleConfidence?: number | null;
  children: TemplateItem[];
};

export const ROLE_SOURCES = ['runbook', 'suggested', 'default'] as const;
export type RoleSource = (typeof ROLE_SOURCES)[number];

const checkPolicy = {
  intervalSec: z.number().int().min(1).max(3600).optional(),
  passesNeeded: z.number().int().min(1).max(20).optional(),
  autoTick: z.boolean().optional(),
};

/** A template item's check: the kinds `PUT …/check` takes, every field of the spec spelled out. */
export const templateCheckSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('http'),
    url: z
      .string()
      .max(2000)
      .refine((v) => /^https?:\/\//i.test(v) && URL.canParse(v), 'an http(s) URL'),
    method: z.enum(CHECK_METHODS),
    expectStatus: z.number().int().min(100).max(599),
    expectBodyContains: z.string().min(1).max(500).nullable(),
    ...checkPolicy,
  }),
  z.object({
    kind: z.literal('prometheus'),
    query: z.string().min(1).max(2000),
    comparison: z.enum(['>', '<']),
    value: z.number().finite(),
    ...checkPolicy,
  }),
  z.object({ kind: z.literal('ci'), ...checkPolicy }),
]) as z.ZodType<RunbookCheck>;

/** Steps nest at most this deep (a step is level 1, its sub-steps level 2…): deeper is 422. */
export const MAX_ITEM_DEPTH = 8;

/**
 * One schema per level, built bottom-up rather than recursively, so a hostile body nested
 * thousands of levels deep is refused at level 9 without the validator recursing into it.
 */
function itemSchemaAt(level: number): z.ZodType<TemplateItem> {
  const children =
    level >= MAX_ITEM_DEPTH
      ? z.array(z.unknown()).max(0, `Steps nest at most ${MAX_ITEM_DEPTH} levels deep.`).default([])
      : z.array(itemSchemaAt(level + 1)).default([]);
  return z.object({
    title: z.string().min(1).max(2000),
    roleKey: roleKeySchema,
    section: z.string().max(300).nullish(),
    command: z.string().max(20000).nullish(),
    expectedOutput: z.string().max(5000).nullish(),
    check: templateCheckSchema.nullish(),
    doneBeforeStart: z.boolean().optional(),
    line: z.number().int().nullish(),
    roleSource: z.enum(ROLE_SOURCES).nullish(),
    roleReason: z.string().max(300).nullish(),
    roleConfidence: z.number().min(0).max(1).nullish(),
    children,
  }) as z.ZodType<TemplateItem>;
}

export const templateItemSchema: z.ZodType<TemplateItem> = itemSchemaAt(1);

export const templateGateSchema = z.object({
  title: z.string().min(1).max(300),
  kind: z.enum(['gate', 'checkpoint']).default('gate'),
  /** Checkpoints only: minutes after go-live when it is due (+720 = +12 h). */
  offsetMin: z.number().int().nullish(),
  requiredRoles: z.array(roleKeySchema).min(1),
  /** One person may sign this gate for several of its roles; by default each role needs a different person. */
  allowSameSigner: z.boolean().optional(),
});

export const phaseKindSchema = z.enum(['normal', 'monitoring', 'rollback']);

export const templatePhaseSchema = z.object({
  title: z.string().min(1).max(300),
  description: z.string().max(5000).default(''),
  kind: phaseKindSchema.default('normal'),
  /** Minutes relative to go-live; negative = before T0. */
  plannedStartMin: z.number().int().nullable().default(null),
  plannedDurationMin: z.number().int().min(0).nullable().default(null),
  items: z.array(templateItemSchema).default([]),
  gates: z.array(templateGateSchema).default([]),
});

export const comparisonSchema = z.enum(['>', '<']);

export const metricRuleSchema = z.object({
  series: z.string().min(1).max(80),
  name: z.string().max(120).nullish(),
  comparison: comparisonSchema,
  unit: z.string().max(20).default(''),
  target: z.number().nullable().default(null),
  warn: z.number().nullable().default(null),
  critical: z.number().nullable().default(null),
  sustainSec: z.number().int().min(0).max(86400).default(0),
});

export const decisionConditionSchema = z.object({
  series: z.string().min(1).max(80),
  comparison: comparisonSchema,
  value: z.number(),
  unit: z.string().max(20).default(''),
  sustainSec: z.number().int().min(0).default(0),
  text: z.string().max(500).default(''),
});

export const decisionLevelSchema = z.object({
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  title: z.string().max(300),
  action: z.string().max(300).default(''),
  conditions: z.array(decisionConditionSchema).default([]),
  /** Symptom bullets that could not be turned into conditions; shown to the IC as guidance. */
  symptoms: z.array(z.string().max(500)).default([]),
});

export const templateDefinitionSchema = z.object({
  name: z.string().min(1).max(200),
  description: z.string().max(10000).default(''),
  roles: z.array(templateRoleSchema).min(1),
  phases: z.array(templatePhaseSchema).min(1),
  rules: z.array(metricRuleSchema).default([]),
  decisionTree: z.array(decisionLevelSchema).default([]),
});

export type TemplateRole = z.infer<typeof templateRoleSchema>;
export type TemplateGate = z.infer<typeof templateGateSchema>;
export type TemplatePhase = z.infer<typeof templatePhaseSchema>;
export type MetricRuleDefinition = z.infer<typeof metricRuleSchema>;
export type DecisionCondition = z.infer<typeof decisionConditionSchema>;
export type DecisionLevel = z.infer<typeof decisionLevelSchema>;
export type TemplateDefinition = z.infer<typeof templateDefinitionSchema>;
export type TemplateDefinitionInput = z.input<typeof templateDefinitionSchema>;

/** The IC role every template has, whether or not the runbook names one. */
export const IC_ROLE: TemplateRole = { key: 'ic', name: 'Incident Commander', isIc: true, contact: null, aliases: [] };

/** Counts shown in the import preview and returned by the parse API. */
export function templateStats(t: TemplateDefinition) {
  let items = 0;
  let checkedItems = 0;
  const sections = new Set<string>();
  const walk = (list: TemplateItem[], phaseIndex: number) => {
    for (const item of list) {
      items += 1;
      if (item.doneBeforeStart) checkedItems += 1;
      if (item.section) sections.add(`${phaseIndex}\u0000${item.section}`);
      walk(item.children, phaseIndex);
    }
  };
  t.phases.forEach((p, i) => walk(p.items, i));
  return {
    phases: t.phases.length,
    sections: sections.size,
    items,
    checkedItems,
    roles: t.roles.length,
    gates: t.phases.reduce((n, p) => n + p.gates.length, 0),
    rules: t.rules.length,
  };
}
