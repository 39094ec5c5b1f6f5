-- PostgreSQL: the same schema as db/migration/V16__case_indexes.sql (issue 16), in PostgreSQL's types: ids are
-- identity columns, every integer is BIGINT (epoch milliseconds; flags stay 0/1 as in SQLite),
-- BLOB is BYTEA.
-- Issue 15: the case-file, export, digest and retention queries read the per-case tables
-- by complaint (and attachments by letter); without these indexes each such lookup read
-- the whole table, so the export of 100,000 cases took minutes. The last letter's time of a
-- case (retention) is read from the index alone, and the digest and the year report select
-- cases by the time they came in.
CREATE INDEX IF NOT EXISTS product_complaint ON product (complaint_id);
CREATE INDEX IF NOT EXISTS extension_complaint ON extension (complaint_id);
CREATE INDEX IF NOT EXISTS measure_complaint ON measure (complaint_id);
CREATE INDEX IF NOT EXISTS note_complaint ON note (complaint_id);
CREATE INDEX IF NOT EXISTS attachment_correspondence ON attachment (correspondence_id);
CREATE INDEX IF NOT EXISTS correspondence_inbound_mail ON correspondence (inbound_mail_id);
CREATE INDEX IF NOT EXISTS data_request_complaint ON data_request (complaint_id);
CREATE INDEX IF NOT EXISTS confirmation_request_complaint ON confirmation_request (complaint_id);
CREATE INDEX IF NOT EXISTS outbox_complaint ON outbox (complaint_id);
CREATE INDEX IF NOT EXISTS inbound_mail_complaint ON inbound_mail (complaint_id);
CREATE INDEX IF NOT EXISTS complaint_email ON complaint (lower(complainant_email));
CREATE INDEX IF NOT EXISTS listed_case_complaint ON listed_case (complaint_id);
CREATE INDEX IF NOT EXISTS correspondence_complaint_at ON correspondence (complaint_id, at);
CREATE INDEX IF NOT EXISTS complaint_submitted ON complaint (submitted_at);
