-- The provenance log (TARGET-DESIGN §6): entries, the Merkle tree's complete subtrees, and the
-- signed checkpoints. Insert-only: the writer role may INSERT and SELECT only, and a trigger refuses
-- UPDATE, DELETE and TRUNCATE to everyone, superusers included. Tampering that goes around both
-- (disabling triggers) is what the signed checkpoints and consistency proofs are for.

-- One row per entry. `leaf_bytes` is the entry's RFC 8785 JSON exactly as hashed; the leaf hash is
-- checked against it here, so a row cannot claim another entry's hash.
CREATE TABLE log_entries (
  sequence   bigint      PRIMARY KEY CHECK (sequence >= 0),
  record_id  text        NOT NULL,
  -- Set on an entry that changes an earlier entry's classification (the same record).
  supersedes bigint      REFERENCES log_entries (sequence),
  leaf_bytes bytea       NOT NULL,
  leaf_hash  bytea       NOT NULL CHECK (leaf_hash = sha256('\x00'::bytea || leaf_bytes)),
  logged_at  timestamptz NOT NULL
);

-- A record is classified once; each classification is changed at most once.
CREATE UNIQUE INDEX log_entries_one_per_record ON log_entries (record_id) WHERE supersedes IS NULL;
CREATE UNIQUE INDEX log_entries_one_change_per_entry ON log_entries (supersedes) WHERE supersedes IS NOT NULL;
CREATE INDEX log_entries_by_record ON log_entries (record_id);

-- Complete perfect subtrees: level 0 = leaf hashes, level k index i covers leaves [i·2^k, (i+1)·2^k).
CREATE TABLE log_nodes (
  level smallint NOT NULL CHECK (level >= 0 AND level < 64),
  index bigint   NOT NULL CHECK (index >= 0),
  hash  bytea    NOT NULL CHECK (octet_length(hash) = 32),
  PRIMARY KEY (level, index)
);

-- C2SP signed checkpoints, one per tree size.
CREATE TABLE checkpoints (
  tree_size  bigint      PRIMARY KEY CHECK (tree_size >= 0),
  root_hash  bytea       NOT NULL CHECK (octet_length(root_hash) = 32),
  note       text        NOT NULL,
  created_at timestamptz NOT NULL
);

-- Entries come in sequence with no gap: each new row is exactly the next one. (A row-level BEFORE
-- trigger sees the rows an earlier part of the same INSERT added, so a multi-row insert is checked
-- row by row.)
CREATE FUNCTION provenance_log_next_in_sequence() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  expected bigint;
BEGIN
  SELECT coalesce(max(sequence) + 1, 0) INTO expected FROM log_entries;
  IF NEW.sequence <> expected THEN
    RAISE EXCEPTION 'provenance log entry % is not the next one (%)', NEW.sequence, expected
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER log_entries_next_in_sequence
  BEFORE INSERT ON log_entries
  FOR EACH ROW EXECUTE FUNCTION provenance_log_next_in_sequence();

-- Statement-level, so even an UPDATE or DELETE matching no row is refused.
CREATE FUNCTION provenance_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the provenance log is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER log_entries_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON log_entries
  FOR EACH STATEMENT EXECUTE FUNCTION provenance_log_refuse_change();
CREATE TRIGGER log_nodes_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON log_nodes
  FOR EACH STATEMENT EXECUTE FUNCTION provenance_log_refuse_change();
CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION provenance_log_refuse_change();

-- The role the service writes the log as (SET LOCAL ROLE in the appending transaction). Roles are
-- cluster-wide, so several databases of one cluster share it; its grants are per table.
DO $$
BEGIN
  CREATE ROLE provenance_writer NOLOGIN;
EXCEPTION
  WHEN duplicate_object OR unique_violation THEN NULL;
END;
$$;

GRANT SELECT, INSERT ON log_entries, log_nodes, checkpoints TO provenance_writer;

DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'provenance_writer', 'MEMBER') THEN
    EXECUTE format('GRANT provenance_writer TO %I', current_user);
  END IF;
END;
$$;

-- How far the log has been published on its Kafka topic: not part of the log, so updatable.
CREATE TABLE log_publication (
  singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  published_size bigint  NOT NULL CHECK (published_size >= 0)
);
INSERT INTO log_publication (published_size) VALUES (0);
