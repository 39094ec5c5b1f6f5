-- Retention (R20): when each case was purged, every purge run for the report, and the Message-IDs
-- whose copies in the IMAP folders are still to be deleted (the admin command cannot reach IMAP, so
-- the running processor drains this table on its next run).

ALTER TABLE complaint ADD COLUMN purged_at TEXT;

CREATE TABLE purge_run (
    id      INTEGER PRIMARY KEY,
    as_of   TEXT    NOT NULL,
    ran_at  TEXT    NOT NULL,
    cases   INTEGER NOT NULL,
    mails   INTEGER NOT NULL
);

CREATE TABLE imap_purge_pending (
    message_id TEXT PRIMARY KEY
);
