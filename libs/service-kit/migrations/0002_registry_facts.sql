-- The registry facts this service consumed from wildlife.registry.events (its consumer group
-- <prefix><service>.registry), one row per public event id. Every instance of the service rebuilds
-- its in-memory registry of principals and keys from this table at start-up, then follows it, so an
-- instance learns the facts another instance of the same consumer group consumed.
--
-- Writers take `LOCK TABLE registry_facts IN EXCLUSIVE MODE` before inserting (readers are not
-- blocked): inserts commit one after another, so `seq` order is commit order and a reader resuming
-- after the last `seq` it saw never skips a row that commits late.
CREATE TABLE registry_facts (
  seq         bigserial   PRIMARY KEY,
  event_id    text        NOT NULL UNIQUE,
  fact_type   text        NOT NULL,
  fact        jsonb       NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now()
);

-- Wake the followers as soon as a fact commits (NOTIFY is delivered at commit, and not at all on
-- rollback); they also poll, so a lost notification only delays.
CREATE FUNCTION registry_facts_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('registry_facts', '');
  RETURN NULL;
END $$;

CREATE TRIGGER registry_facts_notify
  AFTER INSERT ON registry_facts
  FOR EACH STATEMENT EXECUTE FUNCTION registry_facts_notify();
