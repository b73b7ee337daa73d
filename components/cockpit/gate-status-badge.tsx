'use client';

import { Badge, type Tone } from '@/components/ui/badges';
import type { GateStatus } from '@/lib/domain/gates';

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
