import { WEBHOOK_TOPICS, type WebhookTopic } from '@/lib/domain/webhooks';
import { z } from '@/lib/zod';

/** POST /api/deployments/:id/webhooks and POST /api/webhooks */
export const createWebhookSchema = z.object({
  url: z.url({ protocol: /^https?$/, error: 'Give an http(s) URL.' }).max(2000),
  eventTypes: z
    .array(z.enum(WEBHOOK_TOPICS as unknown as [WebhookTopic, ...WebhookTopic[]]))
    .min(1, 'Choose at least one event.')
    .max(WEBHOOK_TOPICS.length)
    .transform((types) => [...new Set(types)]),
  /** Global webhooks: also deliver events of rehearsals (by default they stay quiet outside). */
  includeRehearsals: z.boolean().optional().default(false),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

/** PATCH /api/deployments/:id/webhooks/:webhookId and PATCH /api/webhooks/:webhookId: pause (false) or resume (true). */
export const setWebhookActiveSchema = z.object({
  active: z.boolean({ error: 'Give true to resume or false to pause.' }),
});
export type SetWebhookActiveInput = z.infer<typeof setWebhookActiveSchema>;

/** PUT /api/webhooks/:webhookId/rehearsals: a global webhook also sends rehearsals' events (true) or not. */
export const setWebhookRehearsalsSchema = z.object({
  includeRehearsals: z.boolean({ error: 'Give true to also send events of rehearsals, false for go-lives only.' }),
});
