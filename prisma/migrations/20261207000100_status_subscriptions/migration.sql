-- Email subscriptions to the public status page (issue 19): double opt-in subscriptions per share
-- link, the mail worker's cursor over each deployment's event log, and the mail outbox.
CREATE TABLE "StatusSubscription" (
    "id" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "shareLinkId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "linkSealed" TEXT NOT NULL,
    "confirmHash" TEXT NOT NULL,
    "unsubscribeHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "confirmedAt" TIMESTAMP(3),
    "unsubscribedAt" TIMESTAMP(3),

    CONSTRAINT "StatusSubscription_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "StatusMailCursor" (
    "deploymentId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL DEFAULT 0,
    "lastMailAt" TIMESTAMP(3),
    "remindedFor" TIMESTAMP(3),

    CONSTRAINT "StatusMailCursor_pkey" PRIMARY KEY ("deploymentId")
);

CREATE TABLE "StatusMail" (
    "id" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "subscriptionId" TEXT,
    "toAddress" TEXT,
    "link" TEXT,
    "kind" TEXT NOT NULL,
    "fromSeq" INTEGER,
    "toSeq" INTEGER,
    "plannedAt" TIMESTAMP(3),
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "StatusMail_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "StatusSubscription_confirmHash_key" ON "StatusSubscription"("confirmHash");
CREATE UNIQUE INDEX "StatusSubscription_unsubscribeHash_key" ON "StatusSubscription"("unsubscribeHash");
CREATE INDEX "StatusSubscription_deploymentId_idx" ON "StatusSubscription"("deploymentId");
CREATE UNIQUE INDEX "StatusSubscription_shareLinkId_email_key" ON "StatusSubscription"("shareLinkId", "email");
CREATE INDEX "StatusMail_status_nextAttemptAt_idx" ON "StatusMail"("status", "nextAttemptAt");
CREATE INDEX "StatusMail_subscriptionId_idx" ON "StatusMail"("subscriptionId");
CREATE INDEX "StatusMail_deploymentId_idx" ON "StatusMail"("deploymentId");

ALTER TABLE "StatusSubscription" ADD CONSTRAINT "StatusSubscription_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "StatusSubscription" ADD CONSTRAINT "StatusSubscription_shareLinkId_fkey" FOREIGN KEY ("shareLinkId") REFERENCES "ShareLink"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "StatusMailCursor" ADD CONSTRAINT "StatusMailCursor_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "StatusMail" ADD CONSTRAINT "StatusMail_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "StatusMail" ADD CONSTRAINT "StatusMail_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "StatusSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
