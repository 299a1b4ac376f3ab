-- The bench reaction's effect: one row per event, written in the inbox transaction.
CREATE TABLE bench_effects (
  event_id   text        PRIMARY KEY,
  applied_at timestamptz NOT NULL DEFAULT clock_timestamp()
);
