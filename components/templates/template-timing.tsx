'use client';

import { useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Button } from '@/components/ui/button';
import type { TemplateDetail } from '@/lib/contracts/templates';
import { plural } from '@/lib/domain/plural';
import { useTemplateTiming } from './use-redlines';
import { useSaveDefinition } from './use-templates';

const KINDS = [
  { value: false, label: 'Go-lives' },
  { value: true, label: 'Rehearsals' },
] as const;

/**
 * Planned against actual per phase over the template's runs, the slowest steps, and an offer to
 * change a planned duration that runs over consistently (accepting saves the next version).
 */
export function TemplateTiming({ template }: { template: TemplateDetail }) {
  const [kind, setKind] = useState(false);
  const both = useTemplateTiming(template.id).data;
  const save = useSaveDefinition(template, () => undefined);
  const data = kind ? both?.rehearsals : both;
  if (!data) return null;
  const rows = data.phases.map((p) => ({
    phase: p.title.length > 18 ? `${p.title.slice(0, 17)}…` : p.title,
    Planned: p.plannedDurationMin ?? 0,
    'Actual (median)': p.actual?.medianMin ?? 0,
    'Actual (p90)': p.actual?.p90Min ?? 0,
  }));
  const suggestions = data.phases.flatMap((p, index) =>
    p.suggestedDurationMin !== null ? [{ ...p, index, suggested: p.suggestedDurationMin }] : [],
  );
  return (
    <section aria-labelledby="timing-title" className="rounded-lg border border-line bg-surface p-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="timing-title" className="text-base font-semibold">
          Timing across runs{' '}
          <span className="text-sm font-normal text-muted tabular">({plural(data.runs, 'run')})</span>
        </h2>
        <div role="group" aria-label="Which runs" className="flex gap-1">
          {KINDS.map((k) => (
            <Button
              key={String(k.value)}
              type="button"
              variant={kind === k.value ? 'primary' : 'ghost'}
              aria-pressed={kind === k.value}
              onClick={() => setKind(k.value)}
            >
              {k.label}
            </Button>
          ))}
        </div>
      </div>
      {data.runs === 0 ? (
        <p className="mt-1 text-sm text-muted">No phase of a run has finished yet: timings show after the first one.</p>
      ) : (
        <>
          {data.sentence ? <p className="mt-1 text-sm text-soft">{data.sentence}.</p> : null}
          <div className="mt-2 h-56 w-full" data-testid="timing-chart">
            <ResponsiveContainer width="100%" height="100%">
              <BarChart data={rows} margin={{ top: 4, right: 8, bottom: 4, left: -16 }}>
                <CartesianGrid strokeDasharray="3 3" opacity={0.3} />
                <XAxis dataKey="phase" tick={{ fontSize: 11 }} interval={0} />
                <YAxis tick={{ fontSize: 11 }} unit="m" />
                <Tooltip />
                <Legend wrapperStyle={{ fontSize: 12 }} />
                <Bar dataKey="Planned" fill="#94a3b8" />
                <Bar dataKey="Actual (median)" fill="#0284c7" />
                <Bar dataKey="Actual (p90)" fill="#f59e0b" />
              </BarChart>
            </ResponsiveContainer>
          </div>
          {suggestions.map((s) => (
            <div
              key={s.index}
              className="mt-2 flex flex-wrap items-center gap-2 rounded-md border border-amber-400 bg-amber-50 p-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
            >
              <span>
                “{s.title}” ran over its {s.plannedDurationMin} min in most runs (median {s.actual?.medianMin}, p90{' '}
                {s.actual?.p90Min}). Plan {s.suggested} min?
              </span>
              {template.canManage ? (
                <Button
                  type="button"
                  disabled={save.isPending}
                  onClick={() =>
                    save.mutate({
                      definition: {
                        ...template.definition,
                        phases: template.definition.phases.map((p, i) =>
                          i === s.index ? { ...p, plannedDurationMin: s.suggested } : p,
                        ),
                      },
                      summary: `Planned duration of “${s.title}” ${s.plannedDurationMin} → ${s.suggested} min (timing across runs)`,
                    })
                  }
                >
                  Plan {s.suggested} min
                </Button>
              ) : null}
            </div>
          ))}
          {data.items.length ? (
            <div className="mt-3">
              <h3 id="slowest-steps" className="text-sm font-semibold">
                Slowest steps
              </h3>
              <ol aria-labelledby="slowest-steps" className="mt-1 text-sm">
                {data.items.slice(0, 5).map((i) => (
                  <li
                    key={`${i.phase}-${i.title}`}
                    className="flex justify-between gap-2 border-t border-line py-1 first:border-t-0"
                  >
                    <span className="min-w-0 truncate">
                      {i.title} <span className="text-faint">· {i.phase}</span>
                    </span>
                    <span className="shrink-0 tabular text-muted">
                      {i.actual.medianMin} min (p90 {i.actual.p90Min}, n {i.actual.n})
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
