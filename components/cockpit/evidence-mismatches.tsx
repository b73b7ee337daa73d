'use client';

import { useWarRoom } from '@/components/war-room/war-room-context';
import { formatUtcTime } from '@/lib/domain/clock';
import { mismatchesOf } from '@/lib/domain/evidence/proof';
import { STATUS_LABEL, type ItemStatus } from '@/lib/domain/items';

/**
 * The IC's list of every piece of evidence that contradicts its step's expected output: which
 * step, whose, why, and whether it was ticked anyway. Live, like the checklist it reads.
 */
export function EvidenceMismatches() {
  const { deployment } = useWarRoom();
  const mismatches = mismatchesOf(deployment.phases);
  const roleNames = new Map(deployment.roles.map((r) => [r.key, r.name]));
  const open = mismatches.filter((m) => !m.superseded).length;
  return (
    <section aria-labelledby="mismatches-title" data-testid="evidence-mismatches">
      <h2 id="mismatches-title" className="mb-2 flex items-center gap-2 text-lg font-semibold">
        Evidence mismatches
        {open ? (
          <span className="rounded-full bg-amber-100 px-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
            ⚠ {open}
          </span>
        ) : null}
      </h2>
      {mismatches.length === 0 ? (
        <p className="text-sm text-muted">No evidence contradicts its step’s expected output.</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {mismatches.map(({ item, evidence, superseded }) => (
            <li
              key={evidence.id}
              className="rounded-md border border-amber-500/60 px-3 py-2 text-sm"
              data-testid="evidence-mismatch"
            >
              <a href={`#item-${item.id}`} className="font-medium hover:underline">
                {item.title}
              </a>
              <p className="text-xs text-soft">{evidence.reason}</p>
              <p className="text-xs text-faint">
                {roleNames.get(item.roleKey) ?? item.roleKey} · {evidence.by ?? 'someone'} at{' '}
                {formatUtcTime(new Date(evidence.at))} ·{' '}
                {superseded
                  ? 'newer evidence matches'
                  : item.status === 'done'
                    ? 'ticked done anyway'
                    : STATUS_LABEL[item.status as ItemStatus].toLowerCase()}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
