'use client';

import { Badge, type Tone } from '@/components/ui/badges';
import type { SignoffDto } from '@/lib/contracts/gates';
import { formatUtcTime, tMinus } from '@/lib/domain/clock';
import { DECISION_LABEL, type SignoffDecision, type SignoffRow } from '@/lib/domain/gates';

const DECISION_LOOK: Record<SignoffDecision | 'pending', { tone: Tone; icon: string }> = {
  approve: { tone: 'green', icon: '✓' },
  reject: { tone: 'red', icon: '✖' },
  pending: { tone: 'grey', icon: '○' },
};

/**
 * A gate's sign-offs as a runbook prints them — Role | Name | Decision | Time — with a withdraw
 * link on the viewer's own sign-off while the gate is `live`. `readOnly` (stakeholders) leaves
 * the comments out.
 */
export function GateSignoffTable({
  rows,
  readOnly,
  live,
  meUserId,
  goLiveAt,
  mine,
  busy,
  onWithdraw,
}: {
  rows: SignoffRow[];
  readOnly: boolean;
  live: boolean;
  meUserId: string;
  goLiveAt: string;
  /** The viewer's own sign-off for a role, the one a withdraw link takes back. */
  mine: (roleKey: string) => SignoffDto | null;
  busy: boolean;
  onWithdraw: (signoffId: string) => void;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[18rem] text-left text-sm">
        <thead className="text-xs uppercase tracking-wide text-faint">
          <tr>
            <th scope="col" className="py-1 pr-2 font-medium">
              Role
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Name
            </th>
            <th scope="col" className="py-1 pr-2 font-medium">
              Decision
            </th>
            <th scope="col" className="py-1 font-medium">
              Time
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const own = row.userId === meUserId && row.decision !== 'pending';
            const look = DECISION_LOOK[row.decision];
            const signoff = own ? mine(row.roleKey) : null;
            return (
              <tr
                key={`${row.roleKey}-${row.userId ?? 'pending'}`}
                className="border-t border-line align-top"
                data-testid="signoff-row"
                data-role={row.roleKey}
                data-decision={row.decision}
              >
                <td className="py-1.5 pr-2">{row.role}</td>
                <td className="py-1.5 pr-2">
                  {row.name ?? <span className="text-faint">—</span>}
                  {row.comment && !readOnly ? <p className="text-xs text-muted">“{row.comment}”</p> : null}
                  {live && signoff ? (
                    <button
                      type="button"
                      className="mt-0.5 block min-h-8 text-xs text-link underline"
                      disabled={busy}
                      onClick={() => onWithdraw(signoff.id)}
                      data-testid={`withdraw-${row.roleKey}`}
                    >
                      Withdraw
                    </button>
                  ) : null}
                </td>
                <td className="py-1.5 pr-2">
                  <Badge tone={look.tone} icon={look.icon}>
                    {DECISION_LABEL[row.decision]}
                  </Badge>
                </td>
                <td className="tabular py-1.5 text-muted">
                  {row.at ? (
                    <span title={row.at.toISOString()}>
                      {formatUtcTime(row.at)}
                      <span className="block whitespace-nowrap text-xs">
                        {tMinus(new Date(goLiveAt), row.at).label}
                      </span>
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
