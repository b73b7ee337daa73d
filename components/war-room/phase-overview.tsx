'use client';

import Link from 'next/link';
import { ProgressBar } from '@/components/ui/progress-bar';
import { formatRelative } from '@/lib/domain/clock';
import { progress, progressByRole } from '@/lib/domain/phases';
import { useWarRoom } from './war-room-context';

/** Phases in order with overall and per-role progress; the IC's view of who is behind. */
export function PhaseOverview() {
  const { deployment } = useWarRoom();
  const roleNames = new Map(deployment.roles.map((r) => [r.key, r.name]));
  // The rollback checklist only counts once a rollback is under way.
  const rollingBack = deployment.state === 'rolling_back' || deployment.state === 'rolled_back';
  const all = deployment.phases.filter((p) => rollingBack || p.kind !== 'rollback').flatMap((p) => p.items);
  const overall = progress(all);
  return (
    <section aria-labelledby="phases-title" className="flex flex-col gap-3">
      <div>
        <h2 id="phases-title" className="mb-1 text-lg font-semibold">
          Progress
        </h2>
        <div data-testid="overall-progress" data-done={overall.done + overall.skipped} data-total={overall.total}>
          <ProgressBar done={overall.done + overall.skipped} total={overall.total} label="Overall progress" />
        </div>
        {overall.blocked ? <p className="mt-1 text-sm text-red-700 dark:text-red-300">⛔ {overall.blocked} blocked</p> : null}
      </div>
      <ol className="flex flex-col gap-3">
        {deployment.phases.map((phase, index) => {
          const p = progress(phase.items);
          const roles = Object.entries(progressByRole(phase.items));
          return (
            <li
              key={phase.id}
              className={`rounded-lg border p-3 ${phase.status === 'active' ? 'border-sky-500' : 'border-slate-200 dark:border-slate-800'} bg-white dark:bg-slate-900`}
              data-testid="phase-card"
            >
              <div className="flex flex-wrap items-baseline gap-2">
                <span className="text-sm text-slate-500">{index + 1}.</span>
                <span className="font-semibold">{phase.title}</span>
                {phase.kind !== 'normal' ? <span className="text-xs uppercase text-slate-500">{phase.kind}</span> : null}
                <span className="ml-auto text-xs text-slate-500 tabular">
                  {phase.plannedStartMin !== null ? formatRelative(phase.plannedStartMin) : ''}
                  {phase.plannedDurationMin ? ` · ${phase.plannedDurationMin} min` : ''}
                </span>
              </div>
              <div className="mt-2" data-testid="phase-progress" data-done={p.done + p.skipped} data-total={p.total}>
                <ProgressBar done={p.done + p.skipped} total={p.total} label={`${phase.title} progress`} />
              </div>
              {roles.length ? (
                <ul className="mt-2 flex flex-wrap gap-2">
                  {roles.map(([key, rp]) => (
                    <li key={key}>
                      <Link
                        href={`/deployments/${deployment.id}/roles/${key}`}
                        className={`inline-flex items-center gap-1 rounded-full border px-2 py-0.5 text-xs tabular hover:underline ${
                          rp.blocked ? 'border-red-400 text-red-800 dark:text-red-300' : 'border-slate-300 dark:border-slate-700'
                        }`}
                      >
                        {rp.blocked ? '⛔ ' : rp.percent === 100 ? '✓ ' : ''}
                        {roleNames.get(key) ?? key} {rp.done + rp.skipped}/{rp.total}
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
