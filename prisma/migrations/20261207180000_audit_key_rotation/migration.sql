-- AUDIT_KEY rotation (docs/security.md, "Rotating the audit key"): each event names the key that
-- hashed it, and a deployment's head is sealed with the new key when the key changes.

-- AlterTable
ALTER TABLE "Event" ADD COLUMN     "keyId" TEXT;

-- CreateTable
CREATE TABLE "ChainSeal" (
    "id" BIGSERIAL NOT NULL,
    "deploymentId" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "headHash" TEXT NOT NULL,
    "seal" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChainSeal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ChainSeal_deploymentId_keyId_seq_key" ON "ChainSeal"("deploymentId", "keyId", "seq");

-- AddForeignKey
ALTER TABLE "ChainSeal" ADD CONSTRAINT "ChainSeal_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A seal is part of the record, append-only like the event log.
-- The body is an E-string with \x3b for the semicolon because the migration runner splits scripts at each semicolon.
CREATE FUNCTION "refuse_chain_seal_change"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN RAISE EXCEPTION ''chain seals are append-only (% refused)'', TG_OP USING ERRCODE = ''insufficient_privilege''\x3b END\x3b';

CREATE TRIGGER "chain_seal_append_only"
  BEFORE UPDATE OR DELETE ON "ChainSeal"
  FOR EACH ROW EXECUTE FUNCTION "refuse_chain_seal_change"();

CREATE TRIGGER "chain_seal_no_truncate"
  BEFORE TRUNCATE ON "ChainSeal"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_chain_seal_change"();
