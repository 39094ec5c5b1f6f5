-- Commands by mail (CONTRACT §5): internal notes of the committee.
CREATE TABLE note (
    id           INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaint (id),
    text         TEXT    NOT NULL,
    written_at   TEXT    NOT NULL,
    written_by   TEXT    NOT NULL
);
