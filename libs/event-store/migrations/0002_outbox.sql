-- Messages to publish, written in the same transaction as the events they announce.
--
-- The relay publishes unpublished rows in seq order and marks them; it keeps no high-water mark, so a
-- row whose seq was taken early but which commits late is simply found by the next pass.
CREATE TABLE outbox (
  seq          bigint      GENERATED ALWAYS AS IDENTITY (CACHE 1) PRIMARY KEY,
  message_id   uuid        NOT NULL,
  topic        text        NOT NULL,
  key          text,
  headers      jsonb       NOT NULL DEFAULT '{}'::jsonb,
  payload      jsonb       NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  published_at timestamptz,
  CONSTRAINT outbox_message_id_unique UNIQUE (message_id)
);

-- What a relay pass scans: small, because published rows leave it at once.
CREATE INDEX outbox_unpublished ON outbox (seq) WHERE published_at IS NULL;
-- What the retention sweep scans.
CREATE INDEX outbox_published_at ON outbox (published_at) WHERE published_at IS NOT NULL;

-- Wake the relay as soon as a writing transaction commits (NOTIFY is delivered at commit, and
-- PostgreSQL folds repeated identical notifications of one transaction into one).
CREATE FUNCTION outbox_notify_relay() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('outbox', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_notify_relay
  AFTER INSERT ON outbox
  FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify_relay();
