-- The no-gap check of log_entries (0001) once per INSERT statement instead of once per row: the
-- log writer inserts a batch of entries in one statement, and a query of max(sequence) per row was
-- a measurable share of its time. Same guarantee: after every INSERT the table is gapless from 0,
-- and the statement's rows are exactly the next ones. (AFTER, so the checks see the new rows; the
-- primary key has already refused any sequence taken twice.)

CREATE FUNCTION provenance_log_statement_in_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  first bigint;
  last bigint;
  added bigint;
BEGIN
  SELECT min(sequence), max(sequence), count(*) INTO first, last, added FROM new_entries;
  IF added = 0 THEN
    RETURN NULL;
  END IF;
  -- Contiguous (the keys are distinct), right after an entry already there (or the first), and
  -- nothing stored beyond them: together, the log had no gap before and has none now.
  IF last - first + 1 <> added
     OR (first > 0 AND NOT EXISTS (SELECT FROM log_entries WHERE sequence = first - 1))
     OR EXISTS (SELECT FROM log_entries WHERE sequence > last) THEN
    RAISE EXCEPTION 'provenance log entries % to % are not the next ones', first, last
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER log_entries_statement_in_sequence
  AFTER INSERT ON log_entries
  REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION provenance_log_statement_in_sequence();

DROP TRIGGER log_entries_next_in_sequence ON log_entries;
DROP FUNCTION provenance_log_next_in_sequence();
