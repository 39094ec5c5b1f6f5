-- PostgreSQL: the same schema as db/migration/V8__recipients.sql (issue 16), in PostgreSQL's types: ids are
-- identity columns, every integer is BIGINT (epoch milliseconds; flags stay 0/1 as in SQLite),
-- BLOB is BYTEA.
-- Issue 9: outbox recipients are one strict address a line, compared exactly, instead of a
-- comma-joined list that a quoted local part ("a@b,c"@d) could split into more recipients.
UPDATE outbox SET recipients = replace(replace(recipients, ', ', chr(10)), ',', chr(10));
