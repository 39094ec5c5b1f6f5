-- PostgreSQL: the same schema as db/migration/V7__register_created.sql (issue 16), in PostgreSQL's types: ids are
-- identity columns, every integer is BIGINT (epoch milliseconds; flags stay 0/1 as in SQLite),
-- BLOB is BYTEA.
-- When this register was created, so that a digest is caught up at start-up only for a day the
-- processor could have sent it on (the register existed before the digest time). The row is
-- written by the application with its clock at the first start; a register upgraded from an
-- earlier version that already holds mail existed long before today.
CREATE TABLE register_meta (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

INSERT INTO register_meta (name, value)
SELECT 'created_at', '1970-01-01T00:00:00Z'
WHERE EXISTS (SELECT 1 FROM inbound_mail) OR EXISTS (SELECT 1 FROM digest_run) OR EXISTS (SELECT 1 FROM complaint);
