-- Threading (CONTRACT §4, R12, R13, R21): the new text of each letter, who else may write on a
-- case, and the complainant's data requests.

ALTER TABLE correspondence ADD COLUMN new_text TEXT;

-- People other than the complainant and the committee who may join a case, e.g. an employee the
-- chair asked (R12). role: employee.
CREATE TABLE participant (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaint (id),
    email        TEXT    NOT NULL,
    role         TEXT    NOT NULL,
    added_at     TEXT    NOT NULL,
    UNIQUE (complaint_id, email)
);

-- R21: every request for data, and when it was answered.
CREATE TABLE data_request (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaint (id),
    requested_at TEXT    NOT NULL,
    answered_at  TEXT,
    message_id   TEXT
);
