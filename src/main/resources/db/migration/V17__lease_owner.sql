-- Which process took an outbox lease (issue 16): processes sharing a PostgreSQL register release
-- the leases of one that stopped, never those of one that runs. Null on leases taken before.
ALTER TABLE outbox ADD COLUMN lease_owner TEXT;
