'use client';

import { useState } from 'react';
import { cn } from '@/components/ui/cn';
import { useCan } from '@/components/war-room/use-can';
import { useWarRoom } from '@/components/war-room/war-room-context';
import { ApiError } from '@/lib/client/api';
import type { GateDto } from '@/lib/contracts/gates';
import { formatRelative, formatUtc, formatUtcTime } from '@/lib/domain/clock';
import { isTerminal } from '@/lib/domain/deployment-state';
import { checkOverride, isClosed, otherRoleSigned, signoffTable, type SignoffDecision } from '@/lib/domain/gates';
import { GateDecisionButtons } from './gate-decision-buttons';
import { GateSignoffTable } from './gate-signoff-table';
import { GateStatusBadge } from './gate-status-badge';
import { ReasonDialog } from './reason-dialog';
import { ReauthDialog } from './reauth-dialog';
import { useCockpitAction, type CockpitAction } from './use-cockpit-action';

// Re-exported: the badge was defined here first, and this path stays a place to import it from.
export { GateStatusBadge };

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
      <GateSignoffTable
        rows={rows}
        readOnly={readOnly}
        live={live}
        meUserId={deployment.me.userId}
        goLiveAt={deployment.goLiveAt}
        mine={mine}
        busy={action.isPending}
        onWithdraw={(signoffId) =>
          action.mutate({
            path: `/gates/${gate.id}/signoffs/${signoffId}`,
            method: 'DELETE',
            done: 'Sign-off withdrawn.',
          })
        }
      />
      <GateDecisionButtons
        signable={signable}
        mayOverride={mayOverride}
        busy={action.isPending}
        myRoles={myRoles}
        several={several}
        roleNames={roleNames}
        mine={mine}
        signBlocked={signBlocked}
        overrideBlocked={overrideBlocked}
        onApprove={(roleKey) => sign(roleKey, 'approve')}
        onReject={(roleKey) => setAsk({ kind: 'reject', roleKey })}
        onOverride={() => setAsk({ kind: 'override' })}
      />
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
