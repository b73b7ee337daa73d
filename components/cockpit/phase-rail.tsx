'use client';

import { useState } from 'react';
import { Badge } from '@/components/ui/badges';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { ProgressBar } from '@/components/ui/progress-bar';
import { useCan } from '@/components/war-room/use-can';
import { useWarRoom } from '@/components/war-room/war-room-context';
import { useNow } from '@/lib/client/use-now';
import type { DeploymentDto, PhaseDto } from '@/lib/contracts/deployments';
import type { GateDto } from '@/lib/contracts/gates';
import { formatDuration, formatRelative, formatUtcTime } from '@/lib/domain/clock';
import { gateTally, onRollbackTrack, overdueLabel, scheduleOf } from '@/lib/domain/cockpit';
import type { GateStatus } from '@/lib/domain/gates';
import { progress } from '@/lib/domain/phases';
import { GatePanel } from './gate-panel';
import { phaseStep, type PhaseStep } from './phase-facts';
import { useCockpitAction } from './use-cockpit-action';

const STATUS_ICON: Record<string, { icon: string; label: string; className: string }> = {
  completed: { icon: '✓', label: 'Completed', className: 'border-emerald-600 bg-emerald-600 text-white' },
  active: { icon: '●', label: 'Running', className: 'border-sky-500 bg-sky-500 text-white' },
  pending: { icon: '', label: 'Not started', className: 'border-slate-400 bg-transparent text-faint' },
  skipped: { icon: '↷', label: 'Skipped', className: 'border-amber-500 bg-transparent text-amber-600' },
};

const GATE_ICON: Record<GateStatus, string> = { waiting: '◷', open: '✓', rejected: '✖', overridden: '⚑' };

const DAY_MS = 86_400_000;

/** ' +1d' when a planned window ends on a later UTC day than it starts, so '02:56Z–02:56Z' is not misread. */
function dayShift(start: Date, end: Date): string {
  const days = Math.floor(end.getTime() / DAY_MS) - Math.floor(start.getTime() / DAY_MS);
  return days > 0 ? ` +${days}d` : '';
}

/** Planned start and duration relative to T0, with the UTC clock times the runbook would print. */
function PlannedLine({ phase }: { phase: PhaseDto }) {
  if (phase.plannedStartMin === null && phase.plannedDurationMin === null) return <span>No planned time</span>;
  const start = phase.plannedStart ? new Date(phase.plannedStart) : null;
  const end =
    start && phase.plannedDurationMin != null ? new Date(start.getTime() + phase.plannedDurationMin * 60_000) : null;
  return (
    <span>
      Plan {phase.plannedStartMin !== null ? formatRelative(phase.plannedStartMin) : '—'}
      {phase.plannedDurationMin != null ? ` · ${formatDuration(phase.plannedDurationMin * 60)}` : ''}
      {start ? ` (${formatUtcTime(start)}${end ? `–${formatUtcTime(end)}${dayShift(start, end)}` : ''})` : ''}
    </span>
  );
}

function ActualLine({ phase, elapsed }: { phase: PhaseDto; elapsed: number | null }) {
  if (!phase.startedAt) return null;
  const started = formatUtcTime(new Date(phase.startedAt));
  if (phase.completedAt)
    return (
      <span>
        Actual {started}–{formatUtcTime(new Date(phase.completedAt))}
        {elapsed != null ? ` · took ${formatDuration(elapsed)}` : ''}
      </span>
    );
  return (
    <span>
      Started {started}
      {elapsed != null ? ` · ${formatDuration(elapsed)} so far` : ''}
    </span>
  );
}

function Milestone({ gate }: { gate: GateDto }) {
  const tally = gateTally(gate);
  const status = gate.status;
  const tone = status === 'open' ? 'green' : status === 'rejected' ? 'red' : status === 'overridden' ? 'amber' : 'grey';
  return (
    <Badge tone={tone} icon={`◆ ${GATE_ICON[status] ?? ''}`}>
      {gate.title} · {status === 'overridden' ? 'overridden' : `${tally.approved}/${tally.required}`}
    </Badge>
  );
}

function PhaseRow({
  phase,
  index,
  deployment,
  now,
  step,
  canDrive,
}: {
  phase: PhaseDto;
  index: number;
  deployment: DeploymentDto;
  now: Date | null;
  step: PhaseStep | null;
  canDrive: boolean;
}) {
  const action = useCockpitAction(deployment.id);
  const [open, setOpen] = useState(false);
  const gates = deployment.gates.filter((g) => g.phaseId === phase.id);
  const schedule = now ? scheduleOf(phase, deployment.goLiveAt, now) : null;
  const overdue =
    schedule && phase.status !== 'completed' && phase.status !== 'skipped' ? overdueLabel(schedule) : null;
  const look = STATUS_ICON[phase.status] ?? STATUS_ICON.pending;
  const p = progress(phase.items);
  const focus = step !== null;
  const expanded = focus || open;
  const completion = step?.kind === 'complete' && canDrive ? step : null;
  const start = step?.kind === 'start' && canDrive ? step : null;

  return (
    <li
      className={cn(
        'relative rounded-lg border bg-surface p-3',
        phase.status === 'active'
          ? 'border-sky-500 ring-1 ring-sky-500/40'
          : overdue
            ? 'border-red-400 dark:border-red-800'
            : 'border-line',
      )}
      data-testid="rail-phase"
      data-phase-id={phase.id}
      data-status={phase.status}
      data-overdue={overdue ? 'true' : 'false'}
    >
      <div className="flex items-start gap-3">
        <span
          className={cn(
            'mt-0.5 flex h-7 w-7 shrink-0 items-center justify-center rounded-full border-2 text-sm font-bold',
            look.className,
          )}
          title={look.label}
          aria-label={look.label}
        >
          {look.icon || index + 1}
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
            <h3 className="font-semibold">{phase.title}</h3>
            {phase.kind !== 'normal' ? (
              <Badge tone={phase.kind === 'rollback' ? 'red' : 'blue'}>{phase.kind}</Badge>
            ) : null}
            {phase.status === 'active' ? (
              <Badge tone="blue" icon="●">
                Running
              </Badge>
            ) : null}
            {overdue ? (
              <Badge tone="red" icon="⚠" className="text-sm">
                <span data-testid="overdue">{overdue}</span>
              </Badge>
            ) : null}
          </div>
          <p className="tabular mt-0.5 flex flex-wrap gap-x-3 text-sm text-muted">
            <PlannedLine phase={phase} />
            <ActualLine phase={phase} elapsed={schedule?.elapsedSeconds ?? null} />
          </p>
          {p.total ? (
            <div className="mt-1.5 max-w-md">
              <ProgressBar done={p.done + p.skipped} total={p.total} label={`${phase.title} progress`} />
            </div>
          ) : null}
          {gates.length ? (
            <div className="mt-2 flex flex-wrap items-center gap-2">
              {gates.map((gate) => (
                <Milestone key={gate.id} gate={gate} />
              ))}
              {!focus ? (
                <button
                  type="button"
                  className="min-h-8 text-xs text-link underline"
                  onClick={() => setOpen((v) => !v)}
                  aria-expanded={open}
                >
                  {open ? 'Hide sign-offs' : 'Show sign-offs'}
                </button>
              ) : null}
            </div>
          ) : null}
        </div>
      </div>

      {completion ? (
        <div className="mt-3 flex flex-col gap-2 border-t border-line pt-3">
          {completion.blockers.length ? (
            <ul className="flex flex-col gap-1 text-sm text-amber-800 dark:text-amber-200" data-testid="phase-blockers">
              {completion.blockers.map((b) => (
                <li key={b}>
                  <span aria-hidden>◷ </span>
                  {b}
                </li>
              ))}
            </ul>
          ) : null}
          <div>
            <Button
              variant="primary"
              className="min-h-11 px-4 text-base"
              disabled={completion.blockers.length > 0 || action.isPending}
              onClick={() =>
                action.mutate({ path: `/phases/${phase.id}/complete`, done: `“${phase.title}” completed.` })
              }
              data-testid="complete-phase"
            >
              ✓ Complete “{phase.title}”
            </Button>
          </div>
        </div>
      ) : null}

      {start ? (
        <div className="mt-3 flex flex-col gap-1 border-t border-line pt-3">
          <div>
            <Button
              variant="primary"
              className="min-h-11 px-4 text-base"
              disabled={start.blockers.length > 0 || action.isPending}
              onClick={() => action.mutate({ path: `/phases/${phase.id}/start`, done: `“${phase.title}” started.` })}
              data-testid="start-phase"
            >
              ▶ Start “{phase.title}”
            </Button>
          </div>
          {start.blockers.map((b) => (
            <p key={b} className="text-sm text-muted">
              {b}
            </p>
          ))}
        </div>
      ) : null}

      {expanded && gates.length ? (
        <div className="mt-3 flex flex-col gap-3">
          {gates.map((gate) => (
            <GatePanel key={gate.id} gate={gate} />
          ))}
        </div>
      ) : null}
    </li>
  );
}

/**
 * The phase rail: every phase of the track being worked, planned against actual, the running one
 * highlighted, overdue ones in red with by how much, gates as milestones. The running phase (or,
 * between phases, the next one) opens up with its sign-off tables and the IC's start / complete
 * button; a refused button says why.
 */
export function PhaseRail() {
  const { deployment } = useWarRoom();
  const tick = useNow();
  const now = tick === null ? null : new Date(tick);
  const canDrive = useCan()('deployment.drive');
  const rollback = onRollbackTrack(deployment.state, deployment.heldFromState);
  const track = deployment.phases.filter((p) => (p.kind === 'rollback') === rollback);
  const other = deployment.phases.filter((p) => (p.kind === 'rollback') !== rollback);
  const step = phaseStep(deployment);
  const [showOther, setShowOther] = useState(false);

  return (
    <section aria-labelledby="rail-title" className="flex flex-col gap-3" data-testid="phase-rail">
      <div className="flex flex-wrap items-baseline gap-2">
        <h2 id="rail-title" className="text-lg font-semibold">
          {rollback ? 'Rollback phases' : 'Phases'}
        </h2>
        <span className="text-sm text-muted">planned vs actual · times in UTC</span>
      </div>
      <ol className="flex flex-col gap-2">
        {track.map((phase) => (
          <PhaseRow
            key={phase.id}
            phase={phase}
            index={deployment.phases.indexOf(phase)}
            deployment={deployment}
            now={now}
            step={step?.phase.id === phase.id ? step : null}
            canDrive={canDrive}
          />
        ))}
      </ol>
      {other.length ? (
        <div>
          <button
            type="button"
            className="min-h-9 text-sm text-link underline"
            onClick={() => setShowOther((v) => !v)}
            aria-expanded={showOther}
          >
            {showOther ? 'Hide' : 'Show'} {rollback ? 'the go-live phases' : 'the rollback plan'} ({other.length})
          </button>
          {showOther ? (
            <ol className="mt-2 flex flex-col gap-2 opacity-80">
              {other.map((phase) => (
                <PhaseRow
                  key={phase.id}
                  phase={phase}
                  index={deployment.phases.indexOf(phase)}
                  deployment={deployment}
                  now={now}
                  step={null}
                  canDrive={false}
                />
              ))}
            </ol>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
