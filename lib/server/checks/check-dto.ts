import type { CheckDto } from '@/lib/contracts/items';
import { describeCheck, type CheckKind, type CheckRun, type CheckSpec, type CheckState } from '@/lib/domain/checks';

/** An `ItemCheck` row as plain SQL and Prisma both return it. */
export type CheckRow = {
  itemId: string;
  deploymentId: string;
  kind: string;
  spec: unknown;
  intervalSec: number;
  passesNeeded: number;
  autoTick: boolean;
  state: string;
  streak: number;
  runs: unknown;
};

export function toCheckDto(row: CheckRow): CheckDto {
  const spec = row.spec as CheckSpec;
  const runs = (Array.isArray(row.runs) ? row.runs : []) as CheckRun[];
  return {
    itemId: row.itemId,
    kind: row.kind as CheckKind,
    spec,
    description: describeCheck(spec),
    intervalSec: row.intervalSec,
    passesNeeded: row.passesNeeded,
    autoTick: row.autoTick,
    state: row.state as CheckState,
    streak: row.streak,
    lastRun: runs[0] ?? null,
  };
}
