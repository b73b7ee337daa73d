-- The grants of the role the War Room server runs as, in a two-role setup (docs/deploy.md):
-- the database owner runs the migrations, the server connects as this role, which may read and
-- write the application's tables but only read and append the event log (no UPDATE, DELETE or
-- TRUNCATE), and cannot change the schema, the triggers or the migration history.
--
-- Run as the owner, after the migrations, once the role exists:
--   psql "$OWNER_DATABASE_URL" -v app_role=warroom_app -f scripts/sql/app-role.sql
-- (or `node scripts/app-role.mjs`, which also creates the role). Safe to run again.

GRANT CONNECT ON DATABASE :"DBNAME" TO :"app_role";
GRANT USAGE ON SCHEMA public TO :"app_role";
-- Only the owner creates objects (PostgreSQL 15 and later already refuse everyone else).
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app_role";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app_role";

-- The event log: read and append, nothing else.
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "Event" FROM :"app_role";
-- The seals over its heads when the audit key changes: the same.
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "ChainSeal" FROM :"app_role";
-- The migration history is the owner's: the server may read it, never write it.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "_prisma_migrations" FROM :"app_role";

-- Tables and sequences that later migrations (run by the owner) add get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app_role";
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :"app_role";
