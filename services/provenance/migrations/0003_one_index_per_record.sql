-- log_entries indexed record_id twice (0001): a unique partial index for "a record is classified
-- once" and a plain one for reading a record's entries. One unique index on (record_id, supersedes)
-- with NULLS NOT DISTINCT keeps the same rule (at most one row per record with no supersedes) and
-- serves both reads by its first column, so each appended entry writes one index entry fewer.

CREATE UNIQUE INDEX log_entries_by_record_once ON log_entries (record_id, supersedes) NULLS NOT DISTINCT;
DROP INDEX log_entries_one_per_record;
DROP INDEX log_entries_by_record;
