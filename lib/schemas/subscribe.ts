import { z } from '@/lib/zod';

export const subscribeSchema = z.object({
  deploymentId: z.string().min(1).max(40),
  afterSeq: z.number().int().min(0).default(0),
});
