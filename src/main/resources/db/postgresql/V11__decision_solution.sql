-- PostgreSQL: the same schema as db/migration/V11__decision_solution.sql (issue 16), in PostgreSQL's types: ids are
-- identity columns, every integer is BIGINT (epoch milliseconds; flags stay 0/1 as in SQLite),
-- BLOB is BYTEA.
-- The proposed solution of a decision (CONTRACT §6 decision.solution, R22): the text after the
-- decision's "Oplossing:" / "Solution:" line, mailed to the complainant and kept with the decision,
-- since disagreeing with it is a ground for appeal. Null when the decision proposed none.
ALTER TABLE complaint ADD COLUMN solution TEXT;
