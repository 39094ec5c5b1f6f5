-- A complainant's change that came without proof (CONTRACT §5): BEROEP, INTREKKEN or Label: value
-- lines in a mail that answers none of our mails to them about the case. Nothing changes until
-- the complainant answers the request mail (message_id) we sent to the registered address.
CREATE TABLE confirmation_request (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaint (id),
    message_id   TEXT    NOT NULL,
    action       TEXT    NOT NULL CHECK (action IN ('appeal', 'withdraw', 'details')),
    text         TEXT,
    requested_at TEXT    NOT NULL,
    confirmed_at TEXT
);

CREATE INDEX confirmation_request_message ON confirmation_request (message_id);
