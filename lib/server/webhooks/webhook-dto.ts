import 'server-only';
import type { WebhookDto } from '@/lib/contracts/webhooks';

/** Everything about a webhook but its secret. */
export function toWebhookDto(row: {
  id: string;
  deploymentId: string | null;
  url: string;
  eventTypes: string[];
  active: boolean;
  createdAt: Date;
  includeRehearsals?: boolean;
}): WebhookDto {
  return {
    id: row.id,
    deploymentId: row.deploymentId,
    url: row.url,
    eventTypes: row.eventTypes,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    includeRehearsals: Boolean(row.includeRehearsals),
  };
}
