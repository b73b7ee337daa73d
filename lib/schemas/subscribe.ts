import { z } from '@/lib/zod';

export const subscribeSchema = z.object({
  // Deployment ids are cuids: anything else (a newline, a NUL byte) names no deployment, and a
  // subscription is read together with the others arriving beside it (socket-server.ts).
  deploymentId: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9_-]+$/),
  afterSeq: z.number().int().min(0).default(0),
});
