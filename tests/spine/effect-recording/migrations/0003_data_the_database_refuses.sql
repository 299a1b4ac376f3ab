-- Events for which the spine tests' reaction writes `value` as a timestamptz: a time taken from an
-- event that PostgreSQL refuses (a data exception, SQLSTATE class 22), as a reaction storing it would.
CREATE TABLE times_to_store (
  event_id text PRIMARY KEY,
  value    text NOT NULL
);
