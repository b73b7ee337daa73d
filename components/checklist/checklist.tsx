'use client';

import { useEffect, useRef, useState } from 'react';
import { useNextPhase } from '@/components/cockpit/use-next-phase';
import { useToast } from '@/components/ui/toast';
import { useCan } from '@/components/war-room/use-can';
import type { DeploymentDto, PhaseDto } from '@/lib/contracts/deployments';
import type { ItemDto } from '@/lib/contracts/items';
import { isTerminal } from '@/lib/domain/deployment-state';
import { checkItemWritable, STATUS_LABEL } from '@/lib/domain/items';
import { refusalMessage } from '@/lib/domain/rbac';
import { ItemRow } from './item-row';
import { ReassignMenu } from './reassign-menu';
import { Kbd, ShortcutsOverlay } from './shortcuts-overlay';
import { useChecklistKeys } from './use-checklist-keys';
import { useReassign } from './use-reassign';
import { useUpdateItem } from './use-update-item';
import { VirtualChecklist, type VirtualRow } from './virtual-checklist';

/** Above this many rows only what is on screen is rendered (5 000-item runbooks stay smooth). */
const VIRTUALISE_ABOVE = 300;

type Row = { item: ItemDto; depth: number };

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

/**
 * Items grouped by phase and section; `include` picks which items this view shows. The keyboard
 * (j / k, x, n, g n, ?) works on the items shown, through the same mutation and rules as a click.
 */
export function Checklist({
  deployment,
  include,
  emptyText,
}: {
  deployment: DeploymentDto;
  include: (item: ItemDto) => boolean;
  emptyText: string;
}) {
  const update = useUpdateItem(deployment.id);
  const toast = useToast();
  const nextPhase = useNextPhase();
  const listRef = useRef<HTMLDivElement>(null);
  const [noteRequest, setNoteRequest] = useState<{ id: string; nonce: number } | null>(null);
  const [evidenceRequest, setEvidenceRequest] = useState<{ id: string; nonce: number } | null>(null);
  const roleNames = new Map(deployment.roles.map((r) => [r.key, r.name]));
  const can = useCan();
  const closed = isTerminal(deployment.state);
  const reassign = useReassign(deployment.id, (key) => roleNames.get(key) ?? key);
  // Only the IC moves steps between roles; read-only roles (stakeholders) cannot own one.
  const canMove = !closed && can('item.reassign');
  const owners = deployment.roles.filter((r) => !r.readOnly).map((r) => ({ key: r.key, name: r.name }));
  // Why this person may not change an item — the server's own words, so a key says what a refused click would.
  const refusal = (item: ItemDto): string | null => {
    if (!can('item.update', { itemRoleKey: item.roleKey }))
      return refusalMessage('item.update', { itemRoleKey: item.roleKey });
    const phase = deployment.phases.find((p) => p.id === item.phaseId);
    const writable = checkItemWritable(deployment.state, phase ?? { title: '', status: 'active' });
    return writable.ok ? null : writable.message;
  };

  const phases: [PhaseDto, Row[]][] = deployment.phases
    .map((phase) => [phase, flatten(phase.items).filter((row) => include(row.item))] as [PhaseDto, Row[]])
    .filter(([, rows]) => rows.length > 0);
  const shown = phases.flatMap(([, rows]) => rows.map((row) => row.item));
  const virtual = shown.length > VIRTUALISE_ABOVE;

  const withItem = (id: string, act: (item: ItemDto) => void) => {
    const item = shown.find((i) => i.id === id);
    if (!item) return;
    const refused = refusal(item);
    if (refused) toast.error(refused);
    else act(item);
  };
  const keys = useChecklistKeys({
    ids: shown.map((item) => item.id),
    onToggle: (id) =>
      withItem(id, (item) =>
        update.mutate({ item, status: item.status === 'done' ? 'pending' : 'done', note: item.note }),
      ),
    onNote: (id) =>
      withItem(id, () => {
        // Already editing: go back to the words being typed rather than starting again.
        const open = document.getElementById(`note-${id}`);
        if (open) open.focus();
        else setNoteRequest((current) => ({ id, nonce: (current?.nonce ?? 0) + 1 }));
      }),
    onEvidence: (id) =>
      withItem(id, () => {
        const open = document.getElementById(`evidence-text-${id}`);
        if (open) open.focus();
        else setEvidenceRequest((current) => ({ id, nonce: (current?.nonce ?? 0) + 1 }));
      }),
    onNextPhase: nextPhase.run,
  });
  const selectedId = keys.selectedId;
  const selected = shown.find((item) => item.id === selectedId) ?? null;

  // The short list scrolls the selected row into view itself; the long one asks its virtualiser.
  useEffect(() => {
    if (!selectedId || virtual) return;
    listRef.current?.querySelector(`[data-item-id="${CSS.escape(selectedId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedId, virtual]);

  const phaseTitle = (phase: PhaseDto) => (
    <div className="mb-2 flex flex-wrap items-center gap-x-3 gap-y-1">
      <h2 id={`phase-${phase.id}`} className="flex items-center gap-2 text-lg font-semibold">
        {phase.title}
        {phase.status === 'active' ? (
          <span className="text-xs font-normal text-sky-600 dark:text-sky-400">● current</span>
        ) : null}
        {phase.kind === 'rollback' ? (
          <span className="text-xs font-normal text-red-600 dark:text-red-400">rollback</span>
        ) : null}
      </h2>
      {/* On the first heading's line, out of the way. Keyboards live on desktops: phones get none. */}
      {phase.id === phases[0]?.[0].id ? (
        <button
          type="button"
          onClick={keys.openHelp}
          className="ml-auto hidden rounded px-1 text-xs text-muted hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 md:inline"
          data-testid="shortcuts-hint"
        >
          Press <Kbd small>?</Kbd> for shortcuts
        </button>
      ) : null}
    </div>
  );
  const itemRow = (item: ItemDto, depth: number) => (
    <ItemRow
      key={item.id}
      item={item}
      deploymentId={deployment.id}
      depth={depth}
      roleName={roleNames.get(item.roleKey) ?? item.roleKey}
      editable={refusal(item) === null}
      onChange={(target, status, note) => update.mutate({ item: target, status, note })}
      selected={item.id === selectedId}
      onSelect={keys.select}
      noteRequest={noteRequest?.id === item.id && item.id === selectedId ? noteRequest.nonce : undefined}
      evidenceRequest={evidenceRequest?.id === item.id && item.id === selectedId ? evidenceRequest.nonce : undefined}
      menu={
        canMove ? (
          <ReassignMenu
            compact
            label={`Move “${item.title}” to another role`}
            currentKey={item.roleKey}
            roles={owners}
            onMove={(roleKey) => reassign.mutate({ kind: 'item', item, roleKey })}
          />
        ) : null
      }
    />
  );
  const sectionHeading = (phase: PhaseDto, section: string) => (
    <div className="mb-1 flex items-center gap-2">
      <h3 className="text-sm font-semibold uppercase tracking-wide text-faint">{section}</h3>
      {canMove ? (
        <ReassignMenu
          compact
          label={`Move every step of “${section}” to another role`}
          currentKey={null}
          roles={owners}
          onMove={(roleKey) => reassign.mutate({ kind: 'section', phaseId: phase.id, section, roleKey })}
        />
      ) : null}
    </div>
  );

  let body;
  if (phases.length === 0) {
    body = <p className="text-muted">{emptyText}</p>;
  } else if (virtual) {
    const rows: VirtualRow[] = phases.flatMap(([phase, phaseRows]) => [
      { kind: 'phase' as const, key: `phase-${phase.id}`, phase },
      ...bySection(phaseRows).flatMap(([section, sectionRows], index) => [
        ...(section ? [{ kind: 'section' as const, key: `section-${phase.id}-${index}`, title: section }] : []),
        ...sectionRows.map(({ item, depth }) => ({ kind: 'item' as const, key: item.id, item, depth })),
      ]),
    ]);
    body = <VirtualChecklist rows={rows} renderPhase={phaseTitle} renderItem={itemRow} selectedKey={selectedId} />;
  } else {
    body = (
      <div className="flex flex-col gap-6">
        {phases.map(([phase, rows]) => (
          <section key={phase.id} aria-labelledby={`phase-${phase.id}`} data-testid="checklist-phase">
            {phaseTitle(phase)}
            {bySection(rows).map(([section, sectionRows], index) => (
              <div key={`${section}-${index}`} className="mb-3">
                {section ? sectionHeading(phase, section) : null}
                <ul className="flex flex-col gap-2">{sectionRows.map(({ item, depth }) => itemRow(item, depth))}</ul>
              </div>
            ))}
          </section>
        ))}
      </div>
    );
  }

  return (
    <div ref={listRef}>
      {body}
      <p className="sr-only" aria-live="polite">
        {selected ? `Selected: ${selected.title}, ${STATUS_LABEL[selected.status].toLowerCase()}` : ''}
      </p>
      {keys.helpOpen ? <ShortcutsOverlay onClose={keys.closeHelp} canDrive={nextPhase.canDrive} /> : null}
    </div>
  );
}
