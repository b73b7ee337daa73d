'use client';

import { Button } from '@/components/ui/button';
import type { SignoffDto } from '@/lib/contracts/gates';

/**
 * GO / NO-GO for each role the viewer holds on a gate, and the IC's override. A button the rules
 * refuse is greyed out with the refusal as its title, so nobody learns it from an error.
 */
export function GateDecisionButtons({
  signable,
  mayOverride,
  busy,
  myRoles,
  several,
  roleNames,
  mine,
  signBlocked,
  overrideBlocked,
  onApprove,
  onReject,
  onOverride,
}: {
  signable: boolean;
  mayOverride: boolean;
  busy: boolean;
  myRoles: string[];
  /** Whether the viewer holds several of the gate's roles: each button then names its role. */
  several: boolean;
  roleNames: Record<string, string>;
  mine: (roleKey: string) => SignoffDto | null;
  signBlocked: (roleKey: string) => string | null;
  overrideBlocked: string | null;
  onApprove: (roleKey: string) => void;
  onReject: (roleKey: string) => void;
  onOverride: () => void;
}) {
  if (!signable && !mayOverride) return null;
  return (
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
                  disabled={busy || Boolean(blocked)}
                  title={blocked ?? undefined}
                  onClick={() => onApprove(roleKey)}
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
                  disabled={busy || Boolean(blocked)}
                  title={blocked ?? undefined}
                  onClick={() => onReject(roleKey)}
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
          disabled={busy || Boolean(overrideBlocked)}
          title={overrideBlocked ?? undefined}
          onClick={() => onOverride()}
          data-testid="override-gate"
        >
          ⚑ Override…
        </Button>
      ) : null}
    </div>
  );
}
