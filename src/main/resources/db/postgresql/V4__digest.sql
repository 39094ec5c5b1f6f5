-- PostgreSQL: the same schema as db/migration/V4__digest.sql (issue 16), in PostgreSQL's types: ids are
-- identity columns, every integer is BIGINT (epoch milliseconds; flags stay 0/1 as in SQLite),
-- BLOB is BYTEA.
-- The daily deadline digest (D7, R11): one row a day it was sent, so that it never goes twice for one day.
CREATE TABLE digest_run (
    day               TEXT PRIMARY KEY,
    sent_at           TEXT NOT NULL,
    outbox_message_id TEXT
);
