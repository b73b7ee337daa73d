import { WATCH_LIST_MAX } from '@/lib/realtime/protocol/list-rooms';
import { z } from '@/lib/zod';

// Deployment ids are cuids: anything else (a newline, a NUL byte) names no deployment, and a
// subscription is read together with the others arriving beside it (socket-server.ts).
const deploymentId = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/);

export const subscribeSchema = z.object({
  deploymentId,
  afterSeq: z.number().int().min(0).default(0),
});

/** `deployments:watch`: the unfinished war rooms a Deployments page shows. */
export const watchListSchema = z.object({ deploymentIds: z.array(deploymentId).max(WATCH_LIST_MAX) });
