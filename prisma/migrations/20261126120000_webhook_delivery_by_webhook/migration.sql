-- A webhook's deliveries are read by webhook, newest first (its card, its counts, polled every
-- few seconds while the notifications page is open): without this every read scanned them all.
CREATE INDEX "WebhookDelivery_webhookId_createdAt_idx" ON "WebhookDelivery"("webhookId", "createdAt");
