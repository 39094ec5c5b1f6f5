-- Issue 13: a mail handed to SMTP is first marked 'sending' with a lease (epoch ms); a row whose
-- lease ran out, or that a killed process left behind, is pending again. 'settled' holds the
-- recipients already done with (accepted, or refused for good), one a line, so a retry after a
-- partial delivery goes only to the recipients that were deferred.
ALTER TABLE outbox ADD COLUMN lease_until INTEGER;
ALTER TABLE outbox ADD COLUMN settled TEXT;

-- A recipient the server refused for good (5xx), with the server's reply made one printable
-- line; the daily digest lists those refused since the previous digest.
CREATE TABLE outbox_refusal (
    id         INTEGER PRIMARY KEY,
    outbox_id  INTEGER NOT NULL REFERENCES outbox (id),
    recipient  TEXT    NOT NULL,
    reply      TEXT    NOT NULL,
    at         TEXT    NOT NULL
);
CREATE INDEX outbox_refusal_outbox ON outbox_refusal (outbox_id);
CREATE INDEX outbox_refusal_at ON outbox_refusal (at);
