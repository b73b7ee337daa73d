'use client';

import { useWarRoom } from '@/components/war-room/war-room-context';
import { proofSummary } from '@/lib/domain/evidence/proof';
import { plural } from '@/lib/domain/plural';

/**
 * The IC's Proof card: of the done steps, how many are proven (matching evidence, a passing
 * check, a CI pass), unproven (a tick and nothing else), or contradicted. Live with the checklist.
 */
export function ProofCard() {
  const { deployment } = useWarRoom();
  const { done, proven, unproven, mismatched } = proofSummary(deployment.phases);
  const checks = countChecks(deployment.phases);
  const cell = 'flex flex-col rounded-md border border-line px-3 py-2';
  return (
    <section aria-labelledby="proof-title" data-testid="proof-card">
      <h2 id="proof-title" className="mb-2 text-lg font-semibold">
        Proof
      </h2>
      <div className="grid grid-cols-3 gap-2 text-sm">
        <div className={cell} data-testid="proof-proven">
          <span className="text-2xl font-semibold text-emerald-700 dark:text-emerald-300">{proven}</span>
          proven
        </div>
        <div className={cell} data-testid="proof-unproven">
          <span className="text-2xl font-semibold">{unproven}</span>
          unproven
        </div>
        <div className={cell} data-testid="proof-mismatched">
          <span className="text-2xl font-semibold text-amber-700 dark:text-amber-300">{mismatched}</span>
          mismatched
        </div>
      </div>
      <p className="mt-2 text-xs text-muted">
        Of {plural(done, 'done step')}.{' '}
        {checks.total
          ? `${checks.total} step${checks.total === 1 ? ' has a check' : 's have checks'}: ${checks.passing} passing, ${checks.failing} failing.`
          : 'No step has a check.'}
      </p>
    </section>
  );
}

type Step = { check?: { state: string } | null; children: readonly Step[] };

function countChecks(phases: readonly { items: readonly Step[] }[]) {
  const counts = { total: 0, passing: 0, failing: 0 };
  const walk = (items: readonly Step[]) => {
    for (const item of items) {
      if (item.check) {
        counts.total += 1;
        if (item.check.state === 'passing') counts.passing += 1;
        if (item.check.state === 'failing') counts.failing += 1;
      }
      walk(item.children);
    }
  };
  for (const phase of phases) walk(phase.items);
  return counts;
}
