'use client';

import { useState } from 'react';
import { Badge } from '@/components/ui/badges';
import { formatRelative } from '@/lib/domain/clock';
import { plural } from '@/lib/domain/plural';
import type { TemplateDefinition, TemplateItem, TemplatePhase } from '@/lib/domain/template-definition';
import { DecisionTreeView, RulesTable } from './template-extras';

/** Past this many items the phases start folded, so a 5 000-item runbook previews at once. */
const FOLD_ABOVE = 400;

function countItems(items: TemplateItem[]): number {
  return items.reduce((n, item) => n + 1 + countItems(item.children), 0);
}

export function plannedLabel(phase: Pick<TemplatePhase, 'plannedStartMin' | 'plannedDurationMin'>): string {
  const parts = [
    phase.plannedStartMin !== null ? formatRelative(phase.plannedStartMin) : null,
    phase.plannedDurationMin !== null ? `${phase.plannedDurationMin} min` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'no time given';
}

function ItemNode({ item, roleName }: { item: TemplateItem; roleName: (key: string) => string }) {
  return (
    <li className="flex flex-col gap-1" data-testid="preview-item">
      <div className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <span aria-hidden className="font-mono text-xs text-faint">
          {item.doneBeforeStart ? '[x]' : '[ ]'}
        </span>
        <span className="min-w-0 break-words">{item.title}</span>
        <Badge tone="grey">{roleName(item.roleKey)}</Badge>
        {item.roleSource === 'suggested' ? (
          <span
            className="text-xs text-faint underline decoration-dotted"
            title={`Suggested: ${item.roleReason ?? ''}`}
          >
            suggested
          </span>
        ) : null}
        {item.doneBeforeStart ? <span className="text-xs text-faint">done before start</span> : null}
        {item.line ? <span className="text-xs text-faint tabular">line {item.line}</span> : null}
      </div>
      {item.command ? (
        <pre
          tabIndex={0}
          className="ml-6 overflow-x-auto rounded bg-slate-100 px-2 py-1 font-mono text-xs dark:bg-slate-950"
        >
          {item.command}
        </pre>
      ) : null}
      {item.expectedOutput ? (
        <p className="ml-6 text-xs text-muted">
          Expected: <code className="font-mono">{item.expectedOutput}</code>
        </p>
      ) : null}
      {item.children.length ? (
        <ul className="ml-6 flex flex-col gap-1 border-l border-slate-200 pl-3 dark:border-slate-700">
          {item.children.map((child, i) => (
            <ItemNode key={i} item={child} roleName={roleName} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

function sections(items: TemplateItem[]): [string | null, TemplateItem[]][] {
  const groups: [string | null, TemplateItem[]][] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    const section = item.section ?? null;
    if (last && last[0] === section) last[1].push(item);
    else groups.push([section, [item]]);
  }
  return groups;
}

function PhaseNode({
  phase,
  index,
  roleName,
  startOpen,
}: {
  phase: TemplatePhase;
  index: number;
  roleName: (key: string) => string;
  startOpen: boolean;
}) {
  const [open, setOpen] = useState(startOpen);
  const count = countItems(phase.items);
  return (
    <li className="rounded-lg border border-line bg-surface" data-testid="preview-phase">
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        className="flex w-full flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2 text-left"
      >
        <span aria-hidden className="text-faint">
          {open ? '▾' : '▸'}
        </span>
        <span className="font-semibold">
          {index + 1}. {phase.title}
        </span>
        {phase.kind !== 'normal' ? <Badge tone={phase.kind === 'rollback' ? 'red' : 'blue'}>{phase.kind}</Badge> : null}
        <span className="ml-auto text-xs text-faint tabular">
          {plannedLabel(phase)} · {plural(count, 'item')}
          {phase.gates.length ? ` · ${plural(phase.gates.length, 'gate')}` : ''}
        </span>
      </button>
      {open ? (
        <div className="flex flex-col gap-3 border-t border-line px-3 py-3 text-sm">
          {phase.description ? (
            <p className="whitespace-pre-line text-muted">{phase.description.slice(0, 600)}</p>
          ) : null}
          {sections(phase.items).map(([section, items], i) => (
            <div key={i}>
              {section ? (
                <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-faint">{section}</h4>
              ) : null}
              <ul className="flex flex-col gap-2">
                {items.map((item, j) => (
                  <ItemNode key={j} item={item} roleName={roleName} />
                ))}
              </ul>
            </div>
          ))}
          {phase.items.length === 0 ? <p className="text-faint">No checklist items.</p> : null}
          {phase.gates.map((gate, i) => (
            <p key={i} className="rounded-md border border-amber-400/60 px-2 py-1 text-sm" data-testid="preview-gate">
              <span aria-hidden>⛩ </span>
              <strong>
                {gate.kind === 'checkpoint' ? 'Checkpoint' : 'Gate'}: {gate.title}
              </strong>
              {gate.offsetMin != null ? ` (${formatRelative(gate.offsetMin)})` : ''} — needs sign-off from{' '}
              {gate.requiredRoles.map(roleName).join(', ')}
            </p>
          ))}
        </div>
      ) : null}
    </li>
  );
}

/** What a template holds: phases with planned times, sections, items per role, gates, rules, decision tree. */
export function TemplatePreview({ template }: { template: TemplateDefinition }) {
  const names = new Map(template.roles.map((r) => [r.key, r.name]));
  const roleName = (key: string) => names.get(key) ?? key;
  const total = template.phases.reduce((n, p) => n + countItems(p.items), 0);
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="preview-phases">
        <h3 id="preview-phases" className="mb-2 text-base font-semibold">
          Phases
        </h3>
        <ol className="flex flex-col gap-2">
          {template.phases.map((phase, i) => (
            <PhaseNode
              key={`${i}-${phase.title}`}
              phase={phase}
              index={i}
              roleName={roleName}
              startOpen={total <= FOLD_ABOVE}
            />
          ))}
        </ol>
      </section>
      <RulesTable rules={template.rules} />
      <DecisionTreeView levels={template.decisionTree} />
    </div>
  );
}

/** Items per role key, children included: the import preview's "who does what". */
export function itemsPerRole(template: TemplateDefinition): Map<string, number> {
  const counts = new Map<string, number>();
  const walk = (items: TemplateItem[]) => {
    for (const item of items) {
      counts.set(item.roleKey, (counts.get(item.roleKey) ?? 0) + 1);
      walk(item.children);
    }
  };
  template.phases.forEach((p) => walk(p.items));
  return counts;
}
