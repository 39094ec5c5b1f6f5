-- The daily deadline digest (D7, R11): one row a day it was sent, so that it never goes twice for one day.
CREATE TABLE digest_run (
    day               TEXT PRIMARY KEY,
    sent_at           TEXT NOT NULL,
    outbox_message_id TEXT
);
