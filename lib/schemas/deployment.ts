import { z } from '@/lib/zod';

export const createDeploymentSchema = z.object({
  templateId: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(200),
  version: z.string().trim().max(80).optional().default(''),
  environment: z.string().trim().max(80).optional().default('production'),
  strategy: z.string().trim().max(80).optional().default(''),
  goLiveAt: z.iso.datetime({ offset: true }),
  /** Lets the IC override a gate they signed themselves; off by default (distinct people per gate). */
  allowSelfOverride: z.boolean().optional().default(false),
  /** A rehearsal runs like a go-live, marked REHEARSAL everywhere; global webhooks skip it unless they opt in. */
  rehearsal: z.boolean().optional().default(false),
});
export type CreateDeploymentInput = z.input<typeof createDeploymentSchema>;
