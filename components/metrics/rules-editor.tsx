'use client';

import { useMemo, useState } from 'react';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import type { RuleDto } from '@/lib/contracts/metrics';
import { formatDuration } from '@/lib/domain/metrics/format';
import { updateRulesSchema } from '@/lib/schemas/metrics';
import { useRules, useSaveRules } from './use-metric-settings';

type Draft = {
  key: string;
  id: string | null;
  series: string;
  comparison: '>' | '<';
  unit: string;
  target: string;
  warn: string;
  critical: string;
  sustainSec: string;
};

let draftKey = 0;
const toDraft = (r: RuleDto): Draft => ({
  key: `d${draftKey++}`,
  id: r.id,
  series: r.series,
  comparison: r.comparison,
  unit: r.unit,
  target: r.target === null ? '' : String(r.target),
  warn: r.warn === null ? '' : String(r.warn),
  critical: r.critical === null ? '' : String(r.critical),
  sustainSec: String(r.sustainSec),
});
const num = (text: string) => (text.trim() === '' ? null : Number(text.replace(',', '.')));

const input = 'min-h-9 w-full rounded-md border border-line-strong bg-field px-2 text-sm tabular';

/**
 * The IC's thresholds editor: per series a comparison, unit, target / warn / critical and a sustain
 * window ("> 5 % for 10 min"). The draft is the IC's own until saved: live updates never overwrite it.
 */
export function RulesEditor({ deploymentId }: { deploymentId: string }) {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const { data } = useRules(deploymentId, open);
  const saved = useMemo(() => data?.rules.map(toDraft) ?? null, [data]);
  const rows = drafts ?? saved;
  const edit = (key: string, patch: Partial<Draft>) =>
    setDrafts((rows ?? []).map((d) => (d.key === key ? { ...d, ...patch } : d)));

  const save = useSaveRules(deploymentId, {
    saved: () => {
      setDrafts(null);
      toast.info('Thresholds saved; health is re-judged with them now.');
    },
    refused: setProblem,
  });

  const submit = () => {
    const body = {
      rules: (rows ?? []).map((d) => ({
        id: d.id,
        series: d.series.trim(),
        comparison: d.comparison,
        unit: d.unit.trim(),
        target: num(d.target),
        warn: num(d.warn),
        critical: num(d.critical),
        sustainSec: Number(d.sustainSec || 0),
      })),
    };
    const parsed = updateRulesSchema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const row =
        typeof issue.path[1] === 'number' ? body.rules[issue.path[1]]?.series || `rule ${issue.path[1] + 1}` : '';
      setProblem(`${row ? `${row}: ` : ''}${issue.message}`);
      return;
    }
    setProblem(null);
    save.mutate(parsed.data);
  };

  return (
    <details
      className="rounded-lg border border-line p-2"
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary className="cursor-pointer text-sm font-semibold">Thresholds (rules)</summary>
      {!rows ? (
        <p className="p-2 text-sm text-faint">Loading…</p>
      ) : (
        <form
          className="mt-2 flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
          data-testid="rules-editor"
        >
          {data?.defaults && !drafts ? (
            <p className="text-xs text-faint">
              The runbook had no metric table: these are the standard go-live rules. Save to make them this deployment’s
              own.
            </p>
          ) : null}
          {rows.map((d) => (
            <fieldset key={d.key} className="grid grid-cols-4 gap-1.5 rounded-md border border-line p-2">
              <legend className="sr-only">Rule for {d.series || 'new series'}</legend>
              <div className="col-span-4 flex gap-1.5">
                <label className="min-w-0 flex-1 text-xs">
                  Series
                  <input
                    className={input}
                    value={d.series}
                    onChange={(e) => edit(d.key, { series: e.target.value })}
                    placeholder="error_rate"
                  />
                </label>
                <label className="w-24 shrink-0 text-xs">
                  Alert if
                  <select
                    className={input}
                    value={d.comparison}
                    onChange={(e) => edit(d.key, { comparison: e.target.value as '>' | '<' })}
                  >
                    <option value=">">above</option>
                    <option value="<">below</option>
                  </select>
                </label>
                <label className="w-16 shrink-0 text-xs">
                  Unit
                  <input
                    className={input}
                    value={d.unit}
                    onChange={(e) => edit(d.key, { unit: e.target.value })}
                    placeholder="%"
                  />
                </label>
              </div>
              <label className="text-xs">
                Target
                <input
                  className={input}
                  inputMode="decimal"
                  value={d.target}
                  onChange={(e) => edit(d.key, { target: e.target.value })}
                />
              </label>
              <label className="text-xs">
                ▲ Warn
                <input
                  className={input}
                  inputMode="decimal"
                  value={d.warn}
                  onChange={(e) => edit(d.key, { warn: e.target.value })}
                />
              </label>
              <label className="text-xs">
                ✖ Critical
                <input
                  className={input}
                  inputMode="decimal"
                  value={d.critical}
                  onChange={(e) => edit(d.key, { critical: e.target.value })}
                />
              </label>
              <label className="text-xs">
                For (s)
                <input
                  className={input}
                  inputMode="numeric"
                  value={d.sustainSec}
                  onChange={(e) => edit(d.key, { sustainSec: e.target.value })}
                />
              </label>
              <p className="col-span-3 self-center text-xs text-faint">
                {d.warn || d.critical
                  ? `${[d.warn && `▲ ${d.comparison} ${d.warn} ${d.unit}`, d.critical && `✖ ${d.comparison} ${d.critical} ${d.unit}`].filter(Boolean).join(' · ')} for ${formatDuration(Number(d.sustainSec || 0) * 1000)}`
                  : 'no alert thresholds'}
              </p>
              <Button
                type="button"
                variant="ghost"
                className="text-xs"
                onClick={() => setDrafts(rows.filter((x) => x.key !== d.key))}
                aria-label={`Remove rule for ${d.series}`}
              >
                Remove
              </Button>
            </fieldset>
          ))}
          {problem ? (
            <p role="alert" className="text-sm text-danger">
              ⚠ {problem}
            </p>
          ) : null}
          <div className="flex flex-wrap gap-2">
            <Button
              type="button"
              onClick={() =>
                setDrafts([
                  ...rows,
                  toDraft({
                    id: null,
                    series: '',
                    comparison: '>',
                    unit: '',
                    target: null,
                    warn: null,
                    critical: null,
                    sustainSec: 60,
                  }),
                ])
              }
            >
              + Add rule
            </Button>
            <Button type="submit" variant="primary" disabled={save.isPending}>
              Save thresholds
            </Button>
            {drafts ? (
              <Button
                type="button"
                variant="ghost"
                onClick={() => {
                  setDrafts(null);
                  setProblem(null);
                }}
              >
                Discard changes
              </Button>
            ) : null}
          </div>
        </form>
      )}
    </details>
  );
}
