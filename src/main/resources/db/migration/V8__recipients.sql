-- Issue 9: outbox recipients are one strict address a line, compared exactly, instead of a
-- comma-joined list that a quoted local part ("a@b,c"@d) could split into more recipients.
UPDATE outbox SET recipients = replace(replace(recipients, ', ', char(10)), ',', char(10));
