'use client';

import { can } from '@/lib/domain/rbac';
import type { ItemDto } from '@/lib/server/checklist/item-dto';
import type { DeploymentDto, PhaseDto } from '@/lib/server/deployments/get-deployment';
import { ItemRow } from './item-row';
import { useUpdateItem } from './use-update-item';
import { VirtualChecklist, type VirtualRow } from './virtual-checklist';

/** Above this many rows only what is on screen is rendered (5 000-item runbooks stay smooth). */
const VIRTUALISE_ABOVE = 300;

type Row = { item: ItemDto; depth: number };

const CLOSED = ['completed', 'rolled_back', 'aborted'];

function flatten(items: ItemDto[], depth = 0, out: Row[] = []): Row[] {
  for (const item of items) {
    out.push({ item, depth });
    flatten(item.children, depth + 1, out);
  }
  return out;
}

function bySection(rows: Row[]): [string | null, Row[]][] {
  const groups: [string | null, Row[]][] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last && last[0] === row.item.section) last[1].push(row);
    else groups.push([row.item.section, [row]]);
  }
  return groups;
}

/** Items grouped by phase and section; `include` picks which items this view shows. */
export function Checklist({ deployment, include, emptyText }: { deployment: DeploymentDto; include: (item: ItemDto) => boolean; emptyText: string }) {
  const update = useUpdateItem(deployment.id);
  const roleNames = new Map(deployment.roles.map((r) => [r.key, r.name]));
  const actor = { userId: deployment.me.userId, isAdmin: deployment.me.isAdmin };
  const closed = CLOSED.includes(deployment.state);
  const editable = (item: ItemDto) =>
    !closed && can(actor, 'item.update', { deploymentId: deployment.id, heldRoles: deployment.me.roles, itemRoleKey: item.roleKey });

  const phases: [PhaseDto, Row[]][] = deployment.phases
    .map((phase) => [phase, flatten(phase.items).filter((row) => include(row.item))] as [PhaseDto, Row[]])
    .filter(([, rows]) => rows.length > 0);

  if (phases.length === 0) return <p className="text-slate-600 dark:text-slate-400">{emptyText}</p>;

  const phaseTitle = (phase: PhaseDto) => (
    <h2 id={`phase-${phase.id}`} className="mb-2 flex items-center gap-2 text-lg font-semibold">
      {phase.title}
      {phase.status === 'active' ? <span className="text-xs font-normal text-sky-600 dark:text-sky-400">● current</span> : null}
      {phase.kind === 'rollback' ? <span className="text-xs font-normal text-red-600 dark:text-red-400">rollback</span> : null}
    </h2>
  );
  const itemRow = (item: ItemDto, depth: number) => (
    <ItemRow
      key={item.id}
      item={item}
      depth={depth}
      roleName={roleNames.get(item.roleKey) ?? item.roleKey}
      editable={editable(item)}
      onChange={(target, status, note) => update.mutate({ item: target, status, note })}
    />
  );

  if (phases.reduce((n, [, rows]) => n + rows.length, 0) > VIRTUALISE_ABOVE) {
    const rows: VirtualRow[] = phases.flatMap(([phase, phaseRows]) => [
      { kind: 'phase' as const, key: `phase-${phase.id}`, phase },
      ...bySection(phaseRows).flatMap(([section, sectionRows], index) => [
        ...(section ? [{ kind: 'section' as const, key: `section-${phase.id}-${index}`, title: section }] : []),
        ...sectionRows.map(({ item, depth }) => ({ kind: 'item' as const, key: item.id, item, depth })),
      ]),
    ]);
    return <VirtualChecklist rows={rows} renderPhase={phaseTitle} renderItem={itemRow} />;
  }

  return (
    <div className="flex flex-col gap-6">
      {phases.map(([phase, rows]) => (
        <section key={phase.id} aria-labelledby={`phase-${phase.id}`} data-testid="checklist-phase">
          {phaseTitle(phase)}
          {bySection(rows).map(([section, sectionRows], index) => (
            <div key={`${section}-${index}`} className="mb-3">
              {section ? <h3 className="mb-1 text-sm font-semibold uppercase tracking-wide text-slate-500">{section}</h3> : null}
              <ul className="flex flex-col gap-2">{sectionRows.map(({ item, depth }) => itemRow(item, depth))}</ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}
