-- The template list's summary (phase, item, role … counts), written with the definition so that
-- listing templates never reads and re-validates whole definitions. Null on rows written before
-- this column: the list derives theirs once and stores it (lib/server/templates/list-templates.ts).
ALTER TABLE "Template" ADD COLUMN "stats" JSONB;
