-- The account history gets the event log's keyed chain (lib/server/users/account-chain.ts): lines
-- written before this migration keep empty hashes and are reported as unchained.

-- AlterTable
ALTER TABLE "AccountEvent" ADD COLUMN     "hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "keyId" TEXT,
ADD COLUMN     "prevHash" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "AccountChainHead" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "lastHash" TEXT NOT NULL DEFAULT '',
    "keyId" TEXT,

    CONSTRAINT "AccountChainHead_pkey" PRIMARY KEY ("id")
);

INSERT INTO "AccountChainHead" ("id") VALUES (1);

-- The head moves with each line but is never removed: without it a deleted tail would not show.
-- The body is an E-string with \x3b for the semicolon because the migration runner splits scripts at each semicolon.
CREATE FUNCTION "refuse_account_chain_head_removal"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN RAISE EXCEPTION ''the chain head of the account history cannot be removed (% refused)'', TG_OP USING ERRCODE = ''insufficient_privilege''\x3b END\x3b';

CREATE TRIGGER "account_chain_head_kept"
  BEFORE DELETE ON "AccountChainHead"
  FOR EACH ROW EXECUTE FUNCTION "refuse_account_chain_head_removal"();

CREATE TRIGGER "account_chain_head_no_truncate"
  BEFORE TRUNCATE ON "AccountChainHead"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_account_chain_head_removal"();
