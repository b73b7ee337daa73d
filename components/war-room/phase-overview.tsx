'use client';

import Link from 'next/link';
import { cn } from '@/components/ui/cn';
import { ProgressBar } from '@/components/ui/progress-bar';
import { progress, progressByRole } from '@/lib/domain/phases';
import { useWarRoom } from './war-room-context';

/**
 * Overall progress and, for the current phase, who is behind: per-role progress with blocked
 * roles first. (The phase rail above shows every phase's plan and progress.)
 */
export function PhaseOverview() {
  const { deployment } = useWarRoom();
  const roleNames = new Map(deployment.roles.map((r) => [r.key, r.name]));
  // The rollback checklist only counts once a rollback is under way.
  const rollingBack = deployment.state === 'rolling_back' || deployment.state === 'rolled_back';
  const track = deployment.phases.filter((p) => (rollingBack ? p.kind === 'rollback' : p.kind !== 'rollback'));
  const overall = progress(track.flatMap((p) => p.items));
  const current = track.find((p) => p.status === 'active') ?? track.find((p) => p.status === 'pending') ?? null;
  const roles = current
    ? Object.entries(progressByRole(current.items)).sort(
        ([, a], [, b]) => b.blocked - a.blocked || a.percent - b.percent,
      )
    : [];
  return (
    <section
      aria-labelledby="progress-title"
      className="flex flex-col gap-3 rounded-lg border border-line bg-surface p-3"
    >
      <div>
        <h2 id="progress-title" className="mb-1 text-lg font-semibold">
          {rollingBack ? 'Rollback progress' : 'Progress'}
        </h2>
        <div data-testid="overall-progress" data-done={overall.done + overall.skipped} data-total={overall.total}>
          <ProgressBar done={overall.done + overall.skipped} total={overall.total} label="Overall progress" />
        </div>
        {overall.blocked ? <p className="mt-1 text-sm text-danger">⛔ {overall.blocked} blocked</p> : null}
      </div>
      {current && roles.length ? (
        <div>
          <p className="mb-1 text-sm text-muted">
            {current.status === 'active' ? 'Current phase' : 'Next phase'}:{' '}
            <span className="font-medium text-foreground">{current.title}</span> — by role
          </p>
          <ul className="flex flex-wrap gap-2">
            {roles.map(([key, rp]) => (
              <li key={key}>
                <Link
                  href={`/deployments/${deployment.id}/roles/${key}`}
                  className={cn(
                    'inline-flex min-h-8 items-center gap-1 rounded-full border px-2 py-0.5 text-xs tabular hover:underline',
                    rp.blocked
                      ? 'border-red-400 text-red-800 dark:text-red-300'
                      : 'border-slate-300 dark:border-slate-700',
                  )}
                >
                  {rp.blocked ? '⛔ ' : rp.percent === 100 ? '✓ ' : ''}
                  {roleNames.get(key) ?? key} {rp.done + rp.skipped}/{rp.total}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
