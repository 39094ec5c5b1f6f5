-- The complaints register (R19) and the mail it was built from (CONTRACT §4).
-- Timestamps are ISO-8601 with offset; *_epoch columns exist where SQL must compare times.

CREATE TABLE reference_counter (
    year     INTEGER PRIMARY KEY,
    last_seq INTEGER NOT NULL
);

CREATE TABLE complaint (
    id                   INTEGER PRIMARY KEY,
    reference            TEXT    NOT NULL UNIQUE,
    status               TEXT    NOT NULL DEFAULT 'in_behandeling',
    complainant_name     TEXT,
    complainant_email    TEXT    NOT NULL,
    complainant_address  TEXT,
    complainant_city     TEXT,
    representative_of    TEXT,
    subject              TEXT    NOT NULL,
    description          TEXT    NOT NULL,
    further_description  TEXT,
    submitted_at         TEXT    NOT NULL,
    arose_on             TEXT,
    late                 INTEGER NOT NULL DEFAULT 0,
    employee_name        TEXT,
    employee_email       TEXT,
    acknowledge_due      TEXT    NOT NULL,
    decision_due         TEXT    NOT NULL,
    management_involved  INTEGER NOT NULL DEFAULT 0,
    assessment           TEXT,
    decided_at           TEXT,
    manner               TEXT,
    arguments            TEXT,
    handled_at           TEXT,
    purged               INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE product (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaint (id),
    name         TEXT    NOT NULL
);

CREATE TABLE extension (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaint (id),
    to_date      TEXT    NOT NULL,
    reason       TEXT,
    notified_at  TEXT
);

CREATE TABLE measure (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaint (id),
    text         TEXT,
    recorded_at  TEXT    NOT NULL,
    recorded_by  TEXT
);

CREATE TABLE appeal (
    complaint_id INTEGER PRIMARY KEY REFERENCES complaint (id),
    filed_at     TEXT NOT NULL,
    due          TEXT NOT NULL,
    grounds      TEXT,
    outcome      TEXT,
    decided_at   TEXT
);

-- Every mail read from the inbox, whatever became of it: outcome is case, ignored or quarantined.
CREATE TABLE inbound_mail (
    id             INTEGER PRIMARY KEY,
    dedupe_key     TEXT    NOT NULL UNIQUE,
    message_id     TEXT,
    sha256         TEXT    NOT NULL,
    raw_path       TEXT    NOT NULL,
    size           INTEGER NOT NULL,
    received_at    TEXT    NOT NULL,
    received_epoch INTEGER NOT NULL,
    read_at        TEXT    NOT NULL,
    sender         TEXT,
    subject        TEXT,
    outcome        TEXT    NOT NULL,
    reason         TEXT,
    complaint_id   INTEGER REFERENCES complaint (id)
);
CREATE INDEX inbound_mail_sender ON inbound_mail (sender, received_epoch);
CREATE INDEX inbound_mail_message_id ON inbound_mail (message_id);

-- Tries of a mail whose processing failed unexpectedly; past the limit it goes to quarantine.
CREATE TABLE intake_failure (
    dedupe_key TEXT PRIMARY KEY,
    attempts   INTEGER NOT NULL,
    last_error TEXT,
    last_at    TEXT NOT NULL
);

-- Mail waiting to be sent, written in the same transaction as the change it reports.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    complaint_id    INTEGER REFERENCES complaint (id),
    kind            TEXT    NOT NULL,
    message_id      TEXT    NOT NULL UNIQUE,
    sender          TEXT    NOT NULL,
    recipients      TEXT    NOT NULL,
    raw             BLOB    NOT NULL,
    created_at      TEXT    NOT NULL,
    status          TEXT    NOT NULL DEFAULT 'pending',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt    INTEGER NOT NULL,
    last_error      TEXT,
    sent_at         TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt);

-- All correspondence of a case, in and out, each with its raw bytes (R19).
CREATE TABLE correspondence (
    id              INTEGER PRIMARY KEY,
    complaint_id    INTEGER NOT NULL REFERENCES complaint (id),
    direction       TEXT    NOT NULL,
    at              TEXT    NOT NULL,
    sender          TEXT,
    recipients      TEXT,
    subject         TEXT,
    message_id      TEXT,
    kind            TEXT    NOT NULL,
    body            TEXT,
    inbound_mail_id INTEGER REFERENCES inbound_mail (id),
    outbox_id       INTEGER REFERENCES outbox (id)
);
CREATE INDEX correspondence_message_id ON correspondence (message_id);
CREATE INDEX correspondence_complaint ON correspondence (complaint_id);

CREATE TABLE attachment (
    id                INTEGER PRIMARY KEY,
    correspondence_id INTEGER NOT NULL REFERENCES correspondence (id),
    file_name         TEXT    NOT NULL,
    content_type      TEXT,
    size              INTEGER NOT NULL,
    sha256            TEXT    NOT NULL,
    path              TEXT    NOT NULL
);
