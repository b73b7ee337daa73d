-- Redlines and rehearsals (issue 17): changes to a template proposed during a run, reviewed by the
-- owners of the template. A deployment may be a rehearsal, which global webhooks skip unless they opt in.
CREATE TYPE "RedlineKind" AS ENUM ('edit', 'add', 'remove');

CREATE TYPE "RedlineStatus" AS ENUM ('open', 'accepted', 'rejected');

ALTER TABLE "Deployment" ADD COLUMN "rehearsal" BOOLEAN NOT NULL DEFAULT false;

ALTER TABLE "Webhook" ADD COLUMN "includeRehearsals" BOOLEAN NOT NULL DEFAULT false;

CREATE TABLE "Redline" (
    "id" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "templateId" TEXT NOT NULL,
    "templateVersion" INTEGER NOT NULL,
    "itemId" TEXT,
    "target" JSONB NOT NULL,
    "kind" "RedlineKind" NOT NULL,
    "patch" JSONB NOT NULL DEFAULT '{}',
    "reason" TEXT NOT NULL,
    "status" "RedlineStatus" NOT NULL DEFAULT 'open',
    "proposerId" TEXT,
    "proposerName" TEXT NOT NULL DEFAULT '',
    "resolverId" TEXT,
    "resolverName" TEXT,
    "rejectReason" TEXT,
    "acceptedVersion" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "resolvedAt" TIMESTAMP(3),

    CONSTRAINT "Redline_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "Redline_templateId_status_idx" ON "Redline"("templateId", "status");

CREATE INDEX "Redline_deploymentId_idx" ON "Redline"("deploymentId");

ALTER TABLE "Redline" ADD CONSTRAINT "Redline_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "Redline" ADD CONSTRAINT "Redline_templateId_fkey" FOREIGN KEY ("templateId") REFERENCES "Template"("id") ON DELETE CASCADE ON UPDATE CASCADE;
