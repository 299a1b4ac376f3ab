-- What the spine tests' reaction does: one row per event it acted on.
--
-- event_id is unique, and a second effect of the same event bumps `applications` instead of failing:
-- a constraint error would only turn a double effect into an endless retry, which a test cannot
-- tell from a slow consumer. `applications = 1` everywhere is the exactly-once effect.
CREATE TABLE effects (
  event_id     text        PRIMARY KEY,
  subject      text        NOT NULL,
  applications integer     NOT NULL DEFAULT 1,
  -- The process that applied it: tells the consumer killed mid-batch from the one that took over.
  applied_by   integer     NOT NULL,
  applied_at   timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Every call of the reaction's handler, written outside its transaction, so an attempt whose
-- transaction rolled back (or whose process died before COMMIT) is still counted.
CREATE TABLE effect_attempts (
  attempt      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id     text        NOT NULL,
  attempted_by integer     NOT NULL,
  -- The handler call the attempt came in: events handed over together share it.
  call         uuid        NOT NULL,
  attempted_at timestamptz NOT NULL DEFAULT clock_timestamp()
);

-- Events the reaction refuses (a permanent failure): a test lists one to see what the pipeline does
-- with a reaction that fails.
CREATE TABLE refused_events (
  event_id text PRIMARY KEY
);
