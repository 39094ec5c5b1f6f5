-- Appeals (R22, R23). The appeal itself is in V1's appeal table; here the printable letter to the
-- appeals committee (kept in the register, R19) and every extension of the appeal's term.

CREATE TABLE appeal_letter (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaint (id),
    created_at   TEXT    NOT NULL,
    pdf          BLOB    NOT NULL
);
CREATE INDEX appeal_letter_complaint ON appeal_letter (complaint_id);

CREATE TABLE appeal_extension (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaint (id),
    to_date      TEXT    NOT NULL,
    reason       TEXT,
    notified_at  TEXT
);
CREATE INDEX appeal_extension_complaint ON appeal_extension (complaint_id);
