-- How far each projection has applied the log: the global position of the last event it has seen
-- (0 before the first). Updated in the same transaction as the projection's own tables.
CREATE TABLE projection_checkpoints (
  name       text        PRIMARY KEY,
  position   bigint      NOT NULL DEFAULT 0 CHECK (position >= 0),
  updated_at timestamptz NOT NULL DEFAULT now()
);
