import { DEPLOYMENT_STATES, type DeploymentState } from '@/lib/domain/deployment-state';
import { ROLLBACK_LEVELS } from '@/lib/domain/rollback';
import { z } from '@/lib/zod';

/** Reasons go on the timeline and into the report: short enough to read at a glance. */
export const MAX_REASON_LENGTH = 2000;

// Reasons are optional here on purpose: the domain rules say which moves need one and answer
// 422 `reason_required` in the room's words, instead of a generic schema message.
const reason = z.string().trim().max(MAX_REASON_LENGTH).nullish();

/** POST /api/deployments/:id/transitions — the IC moves the deployment to another state. */
export const transitionSchema = z.object({
  to: z.enum(DEPLOYMENT_STATES as [DeploymentState, ...DeploymentState[]]),
  reason,
});
export type TransitionInput = z.infer<typeof transitionSchema>;

/** POST /api/deployments/:id/rollback — declared with a level and a reason, never silently. */
export const rollbackSchema = z.object({
  level: z.union([z.enum(ROLLBACK_LEVELS), z.literal(1), z.literal(2), z.literal(3)]).nullish(),
  reason,
});
export type RollbackInput = z.infer<typeof rollbackSchema>;

/** POST /api/deployments/:id/reschedule — the IC moves the planned go-live time (T0). */
export const rescheduleSchema = z.object({
  goLiveAt: z.iso.datetime({ offset: true }),
  reason,
});
export type RescheduleInput = z.infer<typeof rescheduleSchema>;
