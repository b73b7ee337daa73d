import { Badge } from '@/components/ui/badges';
import type { DecisionLevel, MetricRuleDefinition } from '@/lib/domain/template-definition';

const LEVEL_TONE = { 1: 'green', 2: 'amber', 3: 'red' } as const;
const LEVEL_ICON = { 1: '●', 2: '▲', 3: '■' } as const;

function threshold(rule: MetricRuleDefinition, value: number | null) {
  return value === null ? '—' : `${rule.comparison} ${value}${rule.unit ? ` ${rule.unit}` : ''}`;
}

/** Metric rules as the runbook's table had them: target, warn and critical thresholds. */
export function RulesTable({ rules }: { rules: MetricRuleDefinition[] }) {
  return (
    <section aria-labelledby="preview-rules">
      <h3 id="preview-rules" className="mb-2 text-base font-semibold">
        Metric rules <span className="text-sm font-normal text-faint">({rules.length})</span>
      </h3>
      {rules.length === 0 ? (
        <p className="text-sm text-faint">
          None found. Add a table with Metric | Target | Alert If columns, or set rules in the war room.
        </p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-[28rem] text-left text-sm tabular">
            <thead className="text-xs uppercase text-faint">
              <tr>
                <th className="py-1 pr-3 font-medium">Metric</th>
                <th className="py-1 pr-3 font-medium">Target</th>
                <th className="py-1 pr-3 font-medium">Warn</th>
                <th className="py-1 pr-3 font-medium">Critical</th>
                <th className="py-1 font-medium">Sustain</th>
              </tr>
            </thead>
            <tbody>
              {rules.map((rule, i) => (
                <tr key={i} className="border-t border-line" data-testid="preview-rule">
                  <td className="py-1 pr-3">
                    {rule.name ?? rule.series} <code className="text-xs text-faint">{rule.series}</code>
                  </td>
                  {/* The target is the healthy side: the opposite of the alert comparison. */}
                  <td className="py-1 pr-3">
                    {rule.target === null
                      ? '—'
                      : `${rule.comparison === '>' ? '<' : '>'} ${rule.target}${rule.unit ? ` ${rule.unit}` : ''}`}
                  </td>
                  <td className="py-1 pr-3">{threshold(rule, rule.warn)}</td>
                  <td className="py-1 pr-3">{threshold(rule, rule.critical)}</td>
                  <td className="py-1">{rule.sustainSec ? `${rule.sustainSec} s` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Rollback decision tree: level 1 keep going · 2 prepare rollback · 3 roll back now. */
export function DecisionTreeView({ levels }: { levels: DecisionLevel[] }) {
  return (
    <section aria-labelledby="preview-tree">
      <h3 id="preview-tree" className="mb-2 text-base font-semibold">
        Rollback decision tree <span className="text-sm font-normal text-faint">({levels.length} levels)</span>
      </h3>
      {levels.length === 0 ? (
        <p className="text-sm text-faint">
          None found. The war room falls back to the metric rules&apos; warn and critical thresholds.
        </p>
      ) : (
        <ul className="flex flex-col gap-2">
          {levels.map((level, i) => (
            <li key={i} className="rounded-md border border-line p-2 text-sm" data-testid="preview-level">
              <div className="flex flex-wrap items-center gap-2">
                <Badge tone={LEVEL_TONE[level.level]} icon={LEVEL_ICON[level.level]}>
                  Level {level.level}
                </Badge>
                <span className="font-medium">{level.title}</span>
                {level.action ? <span className="text-muted">→ {level.action}</span> : null}
              </div>
              {level.conditions.length ? (
                <ul className="mt-1 ml-4 list-disc">
                  {level.conditions.map((c, j) => (
                    <li key={j}>
                      <code className="text-xs">
                        {c.series} {c.comparison} {c.value}
                        {c.unit}
                        {c.sustainSec ? ` for ${c.sustainSec} s` : ''}
                      </code>
                      {c.text ? <span className="text-faint"> — {c.text}</span> : null}
                    </li>
                  ))}
                </ul>
              ) : null}
              {level.symptoms.length ? (
                <p className="mt-1 text-xs text-muted">Guidance: {level.symptoms.join(' · ')}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The counts row shared by the import preview and the template page. */
export function StatsRow({
  stats,
}: {
  stats: Record<'phases' | 'sections' | 'items' | 'checkedItems' | 'roles' | 'gates' | 'rules', number>;
}) {
  const entries: [string, number][] = [
    ['phases', stats.phases],
    ['sections', stats.sections],
    ['items', stats.items],
    ['done before start', stats.checkedItems],
    ['roles', stats.roles],
    ['gates', stats.gates],
    ['rules', stats.rules],
  ];
  return (
    <dl className="flex flex-wrap gap-2" data-testid="preview-stats">
      {entries.map(([label, value]) => (
        <div key={label} className="rounded-md border border-line px-2 py-1 text-center" data-stat={label}>
          <dt className="text-xs text-faint">{label}</dt>
          <dd className="text-lg font-semibold tabular">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
