-- The audit chain becomes keyed (HMAC-SHA-256 with AUDIT_KEY, which the database never holds).
-- Rows written before cannot be re-chained here (the migration has no key), so each deployment
-- remembers up to which seq its events use the old plain SHA-256 chain, and the server seals that
-- legacy head with the key at its next start (lib/server/events/seal-legacy-chains.ts).
ALTER TABLE "Deployment" ADD COLUMN "legacyChainSeq" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "legacySeal" TEXT;

UPDATE "Deployment" SET "legacyChainSeq" = "seq" WHERE "seq" > 0;

-- UPDATE and DELETE were refused row by row, but TRUNCATE skips row triggers, so it gets its own.
CREATE TRIGGER "event_no_truncate"
  BEFORE TRUNCATE ON "Event"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_event_change"();
