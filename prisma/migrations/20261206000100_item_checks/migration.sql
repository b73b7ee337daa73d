-- Checks that prove an item (issue 16): an HTTP probe or a Prometheus query the leader runs while
-- the item's phase is running, or a CI secret URL (only its SHA-256 is stored). The last 20 runs
-- are kept on the row.

-- CreateTable
CREATE TABLE "ItemCheck" (
    "itemId" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "spec" JSONB NOT NULL,
    "intervalSec" INTEGER NOT NULL DEFAULT 10,
    "passesNeeded" INTEGER NOT NULL DEFAULT 1,
    "autoTick" BOOLEAN NOT NULL DEFAULT true,
    "secretHash" TEXT,
    "state" TEXT NOT NULL DEFAULT 'waiting',
    "streak" INTEGER NOT NULL DEFAULT 0,
    "runs" JSONB NOT NULL DEFAULT '[]',
    "lastRunAt" TIMESTAMP(3),
    "nextRunAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ItemCheck_pkey" PRIMARY KEY ("itemId")
);

-- CreateIndex
CREATE UNIQUE INDEX "ItemCheck_secretHash_key" ON "ItemCheck"("secretHash");

-- CreateIndex
CREATE INDEX "ItemCheck_deploymentId_idx" ON "ItemCheck"("deploymentId");

-- CreateIndex
CREATE INDEX "ItemCheck_nextRunAt_idx" ON "ItemCheck"("nextRunAt");

-- AddForeignKey
ALTER TABLE "ItemCheck" ADD CONSTRAINT "ItemCheck_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ChecklistItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;
