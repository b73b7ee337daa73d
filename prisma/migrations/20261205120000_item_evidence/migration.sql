-- Evidence on a checklist item (issue 16): pasted output (secrets cut before it is stored) and/or
-- a link, with how it compared with the item's expected output.

-- CreateEnum
CREATE TYPE "EvidenceSource" AS ENUM ('manual', 'ci', 'check');

-- CreateEnum
CREATE TYPE "EvidenceMatch" AS ENUM ('match', 'mismatch', 'unknown');

-- CreateTable
CREATE TABLE "Evidence" (
    "id" TEXT NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "text" TEXT,
    "url" TEXT,
    "source" "EvidenceSource" NOT NULL DEFAULT 'manual',
    "match" "EvidenceMatch" NOT NULL,
    "reason" TEXT NOT NULL,
    "expectedOutput" TEXT,
    "redactedCount" INTEGER NOT NULL DEFAULT 0,
    "redactedKinds" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "byId" TEXT,
    "byName" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "eventSeq" INTEGER NOT NULL,

    CONSTRAINT "Evidence_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Evidence_itemId_at_idx" ON "Evidence"("itemId", "at");

-- CreateIndex
CREATE INDEX "Evidence_deploymentId_match_idx" ON "Evidence"("deploymentId", "match");

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evidence" ADD CONSTRAINT "Evidence_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "ChecklistItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Evidence is part of the record, append-only like the event log: nothing rewrites or removes it.
-- The body is an E-string with \x3b for the semicolon because the migration runner splits scripts at each semicolon.
CREATE FUNCTION "refuse_evidence_change"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN RAISE EXCEPTION ''evidence is append-only (% refused)'', TG_OP USING ERRCODE = ''insufficient_privilege''\x3b END\x3b';

CREATE TRIGGER "evidence_append_only"
  BEFORE UPDATE OR DELETE ON "Evidence"
  FOR EACH ROW EXECUTE FUNCTION "refuse_evidence_change"();

CREATE TRIGGER "evidence_no_truncate"
  BEFORE TRUNCATE ON "Evidence"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_evidence_change"();
