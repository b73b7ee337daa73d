'use client';

import { useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { Badge } from '@/components/ui/badges';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import type { TemplateDefinition } from '@/lib/domain/template-definition';
import {
  addRole,
  confirmItems,
  itemRefs,
  moveItems,
  removeRole,
  renameRole,
  roleCounts,
  type ItemRef,
} from '@/lib/domain/template-owners';
import { OwnerRoles } from './owner-roles';

/**
 * Who owns each step: select steps (click, shift-click for a range, ↑ ↓ and Space, Shift+↑ ↓ to
 * extend) or a whole section, then move them to a role. Suggested owners are marked until moved
 * or confirmed; the reason is on hover. Works on a copy of the template the caller keeps.
 */
export function OwnerEditor({
  template,
  onChange,
}: {
  template: TemplateDefinition;
  onChange: (next: TemplateDefinition) => void;
}) {
  const refs = itemRefs(template);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [anchor, setAnchor] = useState<string | null>(null);
  const [target, setTarget] = useState(template.roles[0]?.key ?? 'ic');
  const listRef = useRef<HTMLDivElement>(null);
  const names = new Map(template.roles.map((r) => [r.key, r.name]));
  const counts = roleCounts(template);
  const suggested = refs.filter((r) => r.item.roleSource === 'suggested').length;
  const targetKey = names.has(target) ? target : (template.roles[0]?.key ?? 'ic');

  const order = refs.map((r) => r.path);
  const range = (from: string, to: string) => {
    const [a, b] = [order.indexOf(from), order.indexOf(to)].sort((x, y) => x - y);
    return order.slice(a, b + 1);
  };
  const toggle = (path: string, event: { shiftKey: boolean }) => {
    const next = new Set(selected);
    if (event.shiftKey && anchor) for (const p of range(anchor, path)) next.add(p);
    else if (next.has(path)) next.delete(path);
    else next.add(path);
    setSelected(next);
    setAnchor(path);
  };
  const focusRow = (path: string) => listRef.current?.querySelector<HTMLElement>(`[data-path="${path}"]`)?.focus();
  const onKey = (event: KeyboardEvent<HTMLElement>, path: string) => {
    const i = order.indexOf(path);
    if (event.key === ' ' || event.key === 'Enter') {
      event.preventDefault();
      toggle(path, event);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = order[Math.max(0, Math.min(order.length - 1, i + (event.key === 'ArrowDown' ? 1 : -1)))];
      if (event.shiftKey) {
        setSelected(new Set([...selected, path, next]));
        setAnchor(next);
      }
      focusRow(next);
    } else if (event.key === 'Escape') {
      setSelected(new Set());
    }
  };
  const sectionPaths = (phase: number, section: string | null) =>
    refs.filter((r) => r.phase === phase && r.section === section).map((r) => r.path);
  const toggleSection = (paths: string[]) => {
    const all = paths.every((p) => selected.has(p));
    const next = new Set(selected);
    for (const p of paths) {
      if (all) next.delete(p);
      else next.add(p);
    }
    setSelected(next);
  };
  const apply = (next: TemplateDefinition) => {
    onChange(next);
    setSelected(new Set());
  };

  return (
    <section aria-labelledby="owners-title" className="flex flex-col gap-3" data-testid="owner-editor">
      <div className="flex flex-wrap items-baseline gap-2">
        <h3 id="owners-title" className="text-base font-semibold">
          Owners
        </h3>
        <span className="text-xs text-faint">
          {suggested
            ? `${suggested} suggested — hover one to see why; move or confirm them.`
            : 'Every owner is confirmed.'}
        </span>
      </div>
      <OwnerRoles
        roles={template.roles}
        counts={counts}
        onAdd={(name) => {
          const added = addRole(template, name);
          if (added.key) {
            onChange(added.template);
            setTarget(added.key);
          }
        }}
        onRename={(key, name) => onChange(renameRole(template, key, name))}
        onRemove={(key, moveTo) => apply(removeRole(template, key, moveTo))}
      />
      <div
        className="sticky top-0 z-10 flex flex-wrap items-center gap-2 rounded-lg border border-slate-200 bg-white/95 p-2 text-sm dark:border-slate-700 dark:bg-slate-900/95"
        role="toolbar"
        aria-label="Move selected steps"
      >
        <span className="tabular" data-testid="selected-count">
          {selected.size} selected
        </span>
        <label className="flex items-center gap-1">
          <span>Move to</span>
          <select
            value={targetKey}
            onChange={(e) => setTarget(e.target.value)}
            aria-label="Role to move the selected steps to"
            className="min-h-9 rounded-md border border-line-strong bg-field px-2"
          >
            {template.roles.map((r) => (
              <option key={r.key} value={r.key}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <Button
          type="button"
          variant="primary"
          disabled={!selected.size}
          onClick={() => apply(moveItems(template, selected, targetKey))}
        >
          Move
        </Button>
        <Button
          type="button"
          variant="ghost"
          disabled={!suggested}
          onClick={() => apply(confirmItems(template, selected.size ? selected : new Set(order)))}
        >
          {selected.size ? 'Confirm selected' : 'Confirm all suggestions'}
        </Button>
        {selected.size ? (
          <Button type="button" variant="ghost" onClick={() => setSelected(new Set())}>
            Clear
          </Button>
        ) : null}
      </div>
      <div ref={listRef} className="flex max-h-[32rem] flex-col gap-3 overflow-auto rounded-lg border border-line p-2">
        {template.phases.map((phase, n) => (
          <div key={n} className="flex flex-col gap-1">
            <p className="text-sm font-semibold">
              {n + 1}. {phase.title}
            </p>
            {groups(refs.filter((r) => r.phase === n)).map(([section, rows], g) => {
              const paths = sectionPaths(n, section);
              const all = paths.length > 0 && paths.every((p) => selected.has(p));
              return (
                <div key={g} className="flex flex-col">
                  {section ? (
                    <label className="flex min-h-9 items-center gap-2 text-xs font-semibold uppercase tracking-wide text-faint">
                      <input
                        type="checkbox"
                        checked={all}
                        onChange={() => toggleSection(paths)}
                        aria-label={`Select section “${section}”`}
                      />
                      {section}
                    </label>
                  ) : null}
                  <ul role="group" className="flex flex-col">
                    {rows.map((ref) => (
                      <OwnerRow
                        key={ref.path}
                        entry={ref}
                        selected={selected.has(ref.path)}
                        roleName={names.get(ref.item.roleKey) ?? ref.item.roleKey}
                        onToggle={toggle}
                        onKey={onKey}
                      />
                    ))}
                  </ul>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </section>
  );
}

function groups(rows: ItemRef[]): [string | null, ItemRef[]][] {
  const out: [string | null, ItemRef[]][] = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (last && last[0] === row.section) last[1].push(row);
    else out.push([row.section, [row]]);
  }
  return out;
}

function OwnerRow({
  entry,
  selected,
  roleName,
  onToggle,
  onKey,
}: {
  entry: ItemRef;
  selected: boolean;
  roleName: string;
  onToggle: (path: string, event: { shiftKey: boolean }) => void;
  onKey: (event: KeyboardEvent<HTMLElement>, path: string) => void;
}) {
  const { item, path, depth } = entry;
  const isSuggested = item.roleSource === 'suggested';
  return (
    <li
      role="checkbox"
      aria-checked={selected}
      tabIndex={0}
      data-path={path}
      data-testid="owner-row"
      onClick={(event: MouseEvent) => onToggle(path, event)}
      onKeyDown={(event) => onKey(event, path)}
      className={cn(
        'flex min-h-9 cursor-pointer select-none flex-wrap items-center gap-2 rounded px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-sky-500',
        selected ? 'bg-sky-100 dark:bg-sky-950' : 'hover:bg-subtle',
      )}
      style={{ paddingLeft: depth ? `${0.5 + Math.min(depth, 4) * 1.25}rem` : undefined }}
    >
      <span aria-hidden className="w-4 text-center text-sky-600">
        {selected ? '✓' : ''}
      </span>
      <span className="min-w-0 flex-1 break-words">{item.title}</span>
      <Badge tone={isSuggested ? 'blue' : 'grey'}>{roleName}</Badge>
      {isSuggested ? (
        <span
          className="text-xs text-faint underline decoration-dotted"
          title={`Suggested: ${item.roleReason ?? ''}`}
          data-testid="suggested-mark"
        >
          suggested
        </span>
      ) : null}
    </li>
  );
}
