/**
 * Moving the go-live (T0). Before the change starts the plan may move — a vendor is late, a
 * freeze was extended — and everyone who follows the status page or its calendar is told. Once
 * the go-live runs, T0 is history: phases, the T± clock and the report all count from it.
 */
import { stateLabel, type DeploymentState } from './deployment-state';

const BEFORE_GO_LIVE: readonly DeploymentState[] = ['planned', 'preflight'];

/** Why T0 cannot move now, in words for the IC; null when it can. */
export function rescheduleRefusal(state: DeploymentState, heldFrom: DeploymentState | null): string | null {
  const effective = state === 'on_hold' && heldFrom ? heldFrom : state;
  if (BEFORE_GO_LIVE.includes(effective)) return null;
  return `The deployment is ${stateLabel(state).toLowerCase()}: the go-live time can only move before the go-live starts. Post a status update to say what changed.`;
}
