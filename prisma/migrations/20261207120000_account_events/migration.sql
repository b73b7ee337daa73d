-- The account history: who made, invited, deactivated or promoted whom (lib/domain/account-events.ts).

-- CreateTable
CREATE TABLE "AccountEvent" (
    "id" BIGSERIAL NOT NULL,
    "type" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "actorName" TEXT NOT NULL,
    "subjectId" TEXT,
    "subject" TEXT NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',

    CONSTRAINT "AccountEvent_pkey" PRIMARY KEY ("id")
);

-- The account history is part of the record, append-only like the event log.
-- The body is an E-string with \x3b for the semicolon because the migration runner splits scripts at each semicolon.
CREATE FUNCTION "refuse_account_event_change"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN RAISE EXCEPTION ''the account history is append-only (% refused)'', TG_OP USING ERRCODE = ''insufficient_privilege''\x3b END\x3b';

CREATE TRIGGER "account_event_append_only"
  BEFORE UPDATE OR DELETE ON "AccountEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_account_event_change"();

CREATE TRIGGER "account_event_no_truncate"
  BEFORE TRUNCATE ON "AccountEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_account_event_change"();
