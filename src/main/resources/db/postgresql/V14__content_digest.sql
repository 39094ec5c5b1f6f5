-- PostgreSQL: the same schema as db/migration/V14__content_digest.sql (issue 16), in PostgreSQL's types: ids are
-- identity columns, every integer is BIGINT (epoch milliseconds; flags stay 0/1 as in SQLite),
-- BLOB is BYTEA.
-- "The same mail" is the same Message-ID from the same sender with the same content (CONTRACT §4):
-- the digest of sender, Date, Subject and body (line endings normalised), per mail read. Rows read
-- before this migration keep NULL, which matches any mail with their Message-ID, so a re-read right
-- after the upgrade still dedupes.
ALTER TABLE inbound_mail ADD COLUMN content_digest TEXT;
