-- The event log: every stream of this service in one append-only table.
--
-- global_position orders the whole log. It comes from a sequence, so values are taken before commit
-- and may commit out of order; readers must never treat "the highest position I can see" as a
-- high-water mark (see EventStore.readAll for how the read horizon is computed instead).
-- The sequence is named so the read horizon can read its last value (cache 1: values are handed out
-- in the order they are asked for, across sessions).
CREATE TABLE events (
  global_position bigint GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME events_global_position_seq CACHE 1)
    PRIMARY KEY,
  stream_id       text        NOT NULL,
  -- 1-based: the first event of a stream is at position 1, so a stream's version is its event count
  -- and an empty stream has version 0.
  stream_position integer     NOT NULL CHECK (stream_position >= 1),
  event_id        uuid        NOT NULL,
  type            text        NOT NULL,
  schema_version  integer     NOT NULL CHECK (schema_version >= 1),
  data            jsonb       NOT NULL,
  metadata        jsonb       NOT NULL,
  recorded_at     timestamptz NOT NULL,
  -- The writing transaction, kept for diagnosis of ordering questions ("which append wrote this?").
  transaction_id  xid8        NOT NULL DEFAULT pg_current_xact_id(),
  -- Optimistic concurrency: two appends that computed the same next position cannot both commit.
  CONSTRAINT events_stream_position_unique UNIQUE (stream_id, stream_position),
  CONSTRAINT events_event_id_unique UNIQUE (event_id)
);
