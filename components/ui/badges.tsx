import { cn } from '@/components/ui/cn';
import type { ItemStatus } from '@/lib/domain/items';
import { STATUS_LABEL } from '@/lib/domain/items';

const tones = {
  green:
    'bg-emerald-100 text-emerald-900 ring-emerald-600/30 dark:bg-emerald-950 dark:text-emerald-200 dark:ring-emerald-500/40',
  amber: 'bg-amber-100 text-amber-900 ring-amber-600/30 dark:bg-amber-950 dark:text-amber-200 dark:ring-amber-500/40',
  red: 'bg-red-100 text-red-900 ring-red-600/30 dark:bg-red-950 dark:text-red-200 dark:ring-red-500/40',
  blue: 'bg-sky-100 text-sky-900 ring-sky-600/30 dark:bg-sky-950 dark:text-sky-200 dark:ring-sky-500/40',
  grey: 'bg-subtle text-soft ring-slate-500/30 dark:ring-slate-500/40',
} as const;

export type Tone = keyof typeof tones;

export function Badge({
  tone,
  icon,
  children,
  className = '',
}: {
  tone: Tone;
  icon?: string;
  children: React.ReactNode;
  className?: string;
}) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1 whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset',
        tones[tone],
        className,
      )}
    >
      {icon ? <span aria-hidden>{icon}</span> : null}
      {children}
    </span>
  );
}

type Look = { tone: Tone; icon: string; label: string };

const STATE_LOOK: Record<string, Look> = {
  planned: { tone: 'grey', icon: '◷', label: 'Planned' },
  preflight: { tone: 'blue', icon: '✈', label: 'Pre-flight' },
  in_progress: { tone: 'blue', icon: '▶', label: 'In progress' },
  monitoring: { tone: 'blue', icon: '◉', label: 'Monitoring' },
  on_hold: { tone: 'amber', icon: '❚❚', label: 'On hold' },
  rolling_back: { tone: 'red', icon: '↺', label: 'Rolling back' },
  completed: { tone: 'green', icon: '✓', label: 'Completed' },
  rolled_back: { tone: 'amber', icon: '↺', label: 'Rolled back' },
  aborted: { tone: 'red', icon: '■', label: 'Aborted' },
};

/** How a deployment state looks everywhere: in the war room and on the public status page. */
export function stateLook(state: string): Look {
  return STATE_LOOK[state] ?? { tone: 'grey', icon: '•', label: state };
}

export function StateBadge({ state }: { state: string }) {
  const look = stateLook(state);
  return (
    <Badge tone={look.tone} icon={look.icon} className="text-sm">
      {look.label}
    </Badge>
  );
}

const ITEM_LOOK: Record<ItemStatus, { tone: Tone; icon: string }> = {
  pending: { tone: 'grey', icon: '○' },
  in_progress: { tone: 'blue', icon: '◐' },
  done: { tone: 'green', icon: '✓' },
  blocked: { tone: 'red', icon: '⛔' },
  skipped: { tone: 'amber', icon: '↷' },
};

export function ItemStatusBadge({ status }: { status: ItemStatus }) {
  const look = ITEM_LOOK[status];
  return (
    <Badge tone={look.tone} icon={look.icon}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}

type HealthLook = Look & { title: string };

const HEALTH_LOOK: Record<number, HealthLook> = {
  1: { tone: 'green', icon: '●', title: 'Keep going', label: 'Level 1 · Keep going' },
  2: { tone: 'amber', icon: '▲', title: 'Prepare rollback', label: 'Level 2 · Prepare rollback' },
  3: { tone: 'red', icon: '✖', title: 'Roll back now', label: 'Level 3 · Roll back now' },
};

/** A health level's tone, icon and words, wherever it is shown (badge, banner, status page). */
export function healthLook(level: number): HealthLook {
  return HEALTH_LOOK[level] ?? HEALTH_LOOK[1];
}

export function HealthBadge({ level }: { level: number }) {
  const look = healthLook(level);
  return (
    <Badge tone={look.tone} icon={look.icon} className="text-sm">
      {look.label}
    </Badge>
  );
}

/** REHEARSAL, wherever a rehearsal is shown among go-lives, so nobody mistakes it for the real one. */
export function RehearsalBadge({ className = '' }: { className?: string }) {
  return (
    <span
      className={cn(
        'rounded-md bg-violet-100 px-2 py-0.5 font-bold tracking-wide text-violet-900 ring-1 ring-violet-300 dark:bg-violet-950 dark:text-violet-100 dark:ring-violet-700',
        className,
      )}
      data-testid="rehearsal-badge"
      title="A rehearsal: runs like the go-live; global webhooks stay quiet unless they opt in"
    >
      REHEARSAL
    </span>
  );
}
