/** Everything about a webhook but its secret. */
export type WebhookDto = {
  id: string;
  deploymentId: string | null;
  url: string;
  eventTypes: string[];
  active: boolean;
  createdAt: string;
  /** Global webhooks: rehearsals' events too (off: only go-lives). */
  includeRehearsals: boolean;
};

/**
 * `deliveries` counts every delivery by status, all-time; `failingNow` only the failures since the
 * webhook last delivered something, and `failingSince` when the first of them was queued: a
 * receiver that was down at midnight and works again is not an alarm at 3 a.m., and one that has
 * been down for an hour says so.
 */
export type WebhookListItem = WebhookDto & {
  deliveries: Record<string, number>;
  failingNow: number;
  failingSince: string | null;
};

export type DeliveryDto = {
  id: string;
  eventSeq: number | null;
  eventType: string | null;
  deploymentId: string | null;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  createdAt: string;
};

/** The answer of "send a test": the receiver's failure is the answer, not an error of the request. */
export type TestDeliveryResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };
