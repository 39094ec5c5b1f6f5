-- PostgreSQL: the same schema as db/migration/V10__listed_case.sql (issue 16), in PostgreSQL's types: ids are
-- identity columns, every integer is BIGINT (epoch milliseconds; flags stay 0/1 as in SQLite),
-- BLOB is BYTEA.
-- The cases a mail about several cases listed (the daily digest, CONTRACT §5): a reply to that
-- mail from its recipient is trusted for a command on one of these cases, and on no other.
CREATE TABLE listed_case (
    message_id   TEXT    NOT NULL,
    complaint_id BIGINT NOT NULL REFERENCES complaint (id),
    PRIMARY KEY (message_id, complaint_id)
);

-- The outbox's hourly ceiling counts acknowledgements sent in the last hour.
CREATE INDEX outbox_kind_sent ON outbox (kind, sent_at);

-- Every mail read asks whether it is our own, and every reply whether it answers our mail: by
-- Message-ID, so the outbox is looked up by it.
CREATE INDEX outbox_message_id ON outbox (message_id);
