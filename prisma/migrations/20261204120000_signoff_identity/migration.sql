-- Distinct people per gate, step-up before a decision, and evidence of identity (issue 14).
ALTER TABLE "session" ADD COLUMN "authenticatedAt" TIMESTAMP(3);
ALTER TABLE "Deployment" ADD COLUMN "allowSelfOverride" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Gate" ADD COLUMN "allowSameSigner" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Signoff" ADD COLUMN "identity" JSONB NOT NULL DEFAULT '{}';
-- Signing gates becomes its own token scope: tokens that could write (and so sign) keep signing.
UPDATE "ApiToken" SET "scopes" = array_append("scopes", 'gates:sign') WHERE 'write' = ANY("scopes") AND NOT ('gates:sign' = ANY("scopes"));
