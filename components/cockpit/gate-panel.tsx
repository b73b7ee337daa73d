'use client';

import { useState } from 'react';
import { Badge, type Tone } from '@/components/ui/badges';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { useCan } from '@/components/war-room/use-can';
import { useWarRoom } from '@/components/war-room/war-room-context';
import { ApiError } from '@/lib/client/api';
import type { GateDto } from '@/lib/contracts/gates';
import { formatRelative, formatUtc, formatUtcTime, tMinus } from '@/lib/domain/clock';
import { isTerminal } from '@/lib/domain/deployment-state';
import {
  checkOverride,
  DECISION_LABEL,
  isClosed,
  otherRoleSigned,
  signoffTable,
  type GateStatus,
  type SignoffDecision,
} from '@/lib/domain/gates';
import { ReasonDialog } from './reason-dialog';
import { ReauthDialog } from './reauth-dialog';
import { useCockpitAction, type CockpitAction } from './use-cockpit-action';

const STATUS_LOOK: Record<GateStatus, { tone: Tone; icon: string; label: string }> = {
  waiting: { tone: 'grey', icon: '◷', label: 'Waiting for sign-offs' },
  open: { tone: 'green', icon: '✓', label: 'Open · GO' },
  rejected: { tone: 'red', icon: '✖', label: 'Rejected · NO-GO' },
  overridden: { tone: 'amber', icon: '⚑', label: 'Overridden by IC' },
};

export function GateStatusBadge({ status }: { status: GateStatus }) {
  const look = STATUS_LOOK[status] ?? STATUS_LOOK.waiting;
  return (
    <Badge tone={look.tone} icon={look.icon} className="text-sm">
      {look.label}
    </Badge>
  );
}

const DECISION_LOOK: Record<SignoffDecision | 'pending', { tone: Tone; icon: string }> = {
  approve: { tone: 'green', icon: '✓' },
  reject: { tone: 'red', icon: '✖' },
  pending: { tone: 'grey', icon: '○' },
};

type Ask = { kind: 'reject'; roleKey: string } | { kind: 'override' } | null;

/**
 * One gate as a runbook prints it — Role | Name | Decision | Time — with, for the people it
 * concerns, GO / NO-GO per role they hold, withdraw for their own sign-off while the gate is
 * undecided, and the IC's override with a reason. `readOnly` (stakeholders) shows decisions only:
 * no buttons, no comments.
 */
export function GatePanel({ gate, readOnly = false }: { gate: GateDto; readOnly?: boolean }) {
  const { deployment } = useWarRoom();
  const action = useCockpitAction(deployment.id);
  const [ask, setAsk] = useState<Ask>(null);
  // A decision the server wants re-authenticated: kept as sent, and sent again after the password.
  const [retry, setRetry] = useState<CockpitAction | null>(null);
  // Set when the session came from single sign-on: the step-up goes through the provider again.
  const [reauthSso, setReauthSso] = useState<string | null>(null);
  const decide = (request: CockpitAction) =>
    action.mutate(request, {
      onSuccess: () => setAsk(null),
      onError: (error) => {
        if (error instanceof ApiError && error.code === 'reauth_required') {
          const sso = error.details.sso as { label?: unknown } | undefined;
          setReauthSso(typeof sso?.label === 'string' ? sso.label : null);
          setRetry(request);
        }
      },
    });
  const roleNames = Object.fromEntries(deployment.roles.map((r) => [r.key, r.name]));
  const can = useCan();
  const status = gate.status;
  const live = !isClosed(status) && !isTerminal(deployment.state) && !readOnly;
  const mayOverride = live && can('gate.override', { requiredRoles: gate.requiredRoles });
  const signable = live && can('gate.signoff', { requiredRoles: gate.requiredRoles });
  const myRoles = deployment.me.roles
    .filter((r) => !r.readOnly && gate.requiredRoles.includes(r.key))
    .map((r) => r.key);
  const several = myRoles.length > 1;

  const rows = signoffTable({
    requiredRoles: gate.requiredRoles,
    signoffs: gate.signoffs.map((s) => ({ ...s, createdAt: new Date(s.at) })),
    roleNames,
    userNames: Object.fromEntries(gate.signoffs.map((s) => [s.userId, s.user])),
  });
  const mine = (roleKey: string) =>
    gate.signoffs.find((s) => s.roleKey === roleKey && s.userId === deployment.me.userId) ?? null;
  const sign = (roleKey: string, decision: SignoffDecision, comment?: string) =>
    decide({
      path: `/gates/${gate.id}/signoffs`,
      body: { decision, roleKey: several ? roleKey : undefined, comment },
      done: `${decision === 'approve' ? 'GO' : 'NO-GO'} recorded for ${roleNames[roleKey] ?? roleKey}.`,
    });
  // Why a button is greyed out, in the rules' own words (the server refuses the same way).
  const gateFacts = {
    title: gate.title,
    requiredRoles: gate.requiredRoles,
    status,
    overrideReason: gate.overrideReason,
    allowSameSigner: gate.allowSameSigner,
    signoffs: gate.signoffs.map((s) => ({ ...s, createdAt: new Date(s.at) })),
  };
  const signBlocked = (roleKey: string) => {
    const other = otherRoleSigned(gateFacts, deployment.me.userId, roleKey);
    return other
      ? `You already signed this gate for ${roleNames[other] ?? other}: a different person must sign as ${roleNames[roleKey] ?? roleKey}.`
      : null;
  };
  const overrideCheck = checkOverride({
    gate: gateFacts,
    reason: 'x',
    overriderId: deployment.me.userId,
    allowSelfOverride: deployment.allowSelfOverride,
    roleNames,
  });
  const overrideBlocked = !overrideCheck.ok && overrideCheck.code === 'self_override' ? overrideCheck.message : null;
  const blockedNotes = [
    ...new Set(
      [...myRoles.map(signBlocked), mayOverride ? overrideBlocked : null].filter((n): n is string => Boolean(n)),
    ),
  ];
  const due =
    gate.kind === 'checkpoint' && gate.checkpointOffsetMin != null
      ? new Date(new Date(deployment.goLiveAt).getTime() + gate.checkpointOffsetMin * 60_000)
      : null;

  return (
    <div
      className={cn(
        'rounded-lg border p-3',
        status === 'overridden'
          ? 'border-amber-500'
          : status === 'rejected'
            ? 'border-red-500'
            : status === 'open'
              ? 'border-emerald-600'
              : 'border-slate-300 dark:border-slate-700',
      )}
      data-testid="gate-panel"
      data-gate-id={gate.id}
      data-status={gate.status}
    >
      <div className="mb-2 flex flex-wrap items-center gap-2">
        <span aria-hidden className="text-lg">
          ◆
        </span>
        <h3 className="font-semibold">{gate.title}</h3>
        <GateStatusBadge status={gate.status} />
        {due ? (
          <span className="tabular text-sm text-muted">
            {gate.checkpointOffsetMin != null ? formatRelative(gate.checkpointOffsetMin) : ''} · due{' '}
            {due.toISOString().slice(0, 10) === deployment.goLiveAt.slice(0, 10) ? formatUtcTime(due) : formatUtc(due)}
          </span>
        ) : null}
      </div>
      {gate.allowSameSigner && gate.requiredRoles.length > 1 ? (
        <p className="mb-2 text-xs text-muted" data-testid="same-signer-allowed">
          One person may sign this gate for several roles (set by the template).
        </p>
      ) : null}
      {status === 'overridden' ? (
        <p
          className="mb-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/50 dark:text-amber-100"
          data-testid="override-note"
        >
          <span aria-hidden>⚑ </span>
          <strong>Overridden{gate.overriddenBy ? ` by ${gate.overriddenBy}` : ''}:</strong> {gate.overrideReason}
        </p>
      ) : null}
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
              const own = row.userId === deployment.me.userId && row.decision !== 'pending';
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
                        disabled={action.isPending}
                        onClick={() =>
                          action.mutate({
                            path: `/gates/${gate.id}/signoffs/${signoff.id}`,
                            method: 'DELETE',
                            done: 'Sign-off withdrawn.',
                          })
                        }
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
                          {tMinus(new Date(deployment.goLiveAt), row.at).label}
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
      {signable || mayOverride ? (
        <div className="mt-3 flex flex-wrap gap-2">
          {signable
            ? myRoles.flatMap((roleKey) => {
                const current = mine(roleKey);
                const as = several ? ` as ${roleNames[roleKey] ?? roleKey}` : '';
                const blocked = signBlocked(roleKey);
                return [
                  current?.decision === 'approve' ? null : (
                    <Button
                      key={`a-${roleKey}`}
                      variant="primary"
                      className="min-h-11 px-4 disabled:opacity-50"
                      disabled={action.isPending || Boolean(blocked)}
                      title={blocked ?? undefined}
                      onClick={() => sign(roleKey, 'approve')}
                      data-testid={`approve-${roleKey}`}
                    >
                      ✓ GO{as}
                    </Button>
                  ),
                  current?.decision === 'reject' ? null : (
                    <Button
                      key={`r-${roleKey}`}
                      variant="secondary"
                      className="min-h-11 px-4 disabled:opacity-50"
                      disabled={action.isPending || Boolean(blocked)}
                      title={blocked ?? undefined}
                      onClick={() => setAsk({ kind: 'reject', roleKey })}
                      data-testid={`reject-${roleKey}`}
                    >
                      ✖ NO-GO{as}…
                    </Button>
                  ),
                ];
              })
            : null}
          {mayOverride ? (
            <Button
              variant="secondary"
              className="min-h-11 px-4 disabled:opacity-50"
              disabled={action.isPending || Boolean(overrideBlocked)}
              title={overrideBlocked ?? undefined}
              onClick={() => setAsk({ kind: 'override' })}
              data-testid="override-gate"
            >
              ⚑ Override…
            </Button>
          ) : null}
        </div>
      ) : null}
      {live && blockedNotes.length ? (
        <ul className="mt-2 flex flex-col gap-1 text-sm text-muted" data-testid="gate-blocked-why">
          {blockedNotes.map((note) => (
            <li key={note}>
              <span aria-hidden>ⓘ </span>
              {note}
            </li>
          ))}
        </ul>
      ) : null}
      {ask?.kind === 'reject' ? (
        <ReasonDialog
          title={`NO-GO on “${gate.title}”`}
          label="What must change before this gate can open?"
          hint="Your rejection holds the gate shut until you withdraw it or the IC overrides it."
          confirm="✖ Reject"
          tone="danger"
          busy={action.isPending}
          onConfirm={(comment) => sign(ask.roleKey, 'reject', comment)}
          onClose={() => setAsk(null)}
          testId="reject-dialog"
        />
      ) : null}
      {ask?.kind === 'override' ? (
        <ReasonDialog
          title={`Override “${gate.title}”`}
          label="Why open this gate without every sign-off?"
          hint="The override and your reason are marked on the gate, the timeline and the report."
          confirm="⚑ Override"
          tone="danger"
          busy={action.isPending}
          onConfirm={(reason) =>
            decide({
              path: `/gates/${gate.id}/override`,
              body: { reason, version: gate.version },
              done: 'Gate overridden.',
            })
          }
          onClose={() => setAsk(null)}
          testId="override-dialog"
        />
      ) : null}
      {retry ? (
        <ReauthDialog
          ssoLabel={reauthSso}
          onConfirmed={() => {
            const again = retry;
            setRetry(null);
            decide(again);
          }}
          onClose={() => setRetry(null)}
        />
      ) : null}
    </div>
  );
}
