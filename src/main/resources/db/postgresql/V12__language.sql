-- PostgreSQL: the same schema as db/migration/V12__language.sql (issue 16), in PostgreSQL's types: ids are
-- identity columns, every integer is BIGINT (epoch milliseconds; flags stay 0/1 as in SQLite),
-- BLOB is BYTEA.
-- The language of the case's mail to the complainant (CONTRACT §4): 'nl' or 'en', recognised from
-- the complaint's text at registration, else complaints.language.default; TAAL changes it. Cases
-- registered before this version were all written to in Dutch.
ALTER TABLE complaint ADD COLUMN language TEXT NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en'));
