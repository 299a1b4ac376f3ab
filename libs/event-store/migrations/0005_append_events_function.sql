-- An append in one statement: called on its own it is its own transaction (one round trip), called
-- inside a caller's transaction it joins it. EventStore.append and EventStore.appendWith both use it.
--
-- In order, all in the calling transaction:
-- 1. takes the transaction id, before any global position is taken (the read horizon relies on it,
--    see src/read-horizon.ts);
-- 2. takes the stream's transaction-scoped advisory lock (class "ES" 0x0001, see src/advisory-locks.ts),
--    so appends to one stream queue up; under READ COMMITTED each statement below takes a fresh
--    snapshot, so a writer that waited sees the winner's events;
-- 3. reads the stream's version; when it is outside [min_version, max_version] it writes nothing and
--    returns appended = false with the version found. It does not raise, so a caller's transaction
--    stays usable after a conflict;
-- 4. inserts the events after the version, positions and global positions in array order, then the
--    outbox messages in array order (so seq follows the array; the outbox trigger's NOTIFY is
--    delivered at commit). Unique violations (event id, message id, and at REPEATABLE READ or
--    SERIALIZABLE the stream position) are raised as they are, with their constraint names.
--
-- Returns one row: the stream's version after the append (or the one found on a conflict), whether it
-- appended, and the events' global positions in array order.
CREATE FUNCTION append_events(
  stream_id   text,
  min_version integer,
  max_version integer,
  events      jsonb,
  outbox      jsonb,
  recorded_at timestamptz
) RETURNS TABLE (version integer, appended boolean, global_positions bigint[])
LANGUAGE plpgsql VOLATILE AS $$
#variable_conflict use_column
DECLARE
  head integer;
BEGIN
  PERFORM pg_current_xact_id();
  PERFORM pg_advisory_xact_lock(x'45530001'::integer, hashtext(append_events.stream_id));

  SELECT coalesce(max(e.stream_position), 0) INTO head FROM events e WHERE e.stream_id = append_events.stream_id;
  IF head NOT BETWEEN append_events.min_version AND append_events.max_version THEN
    RETURN QUERY SELECT head, false, ARRAY[]::bigint[];
    RETURN;
  END IF;

  WITH inserted AS (
    INSERT INTO events (stream_id, stream_position, event_id, type, schema_version, data, metadata, recorded_at)
    SELECT append_events.stream_id, head + x.n::integer, (x.event->>'eventId')::uuid, x.event->>'type',
           (x.event->>'schemaVersion')::integer, x.event->'data', x.event->'metadata', append_events.recorded_at
      FROM jsonb_array_elements(append_events.events) WITH ORDINALITY AS x(event, n)
     ORDER BY x.n
    RETURNING global_position, stream_position
  )
  SELECT coalesce(array_agg(i.global_position ORDER BY i.stream_position), ARRAY[]::bigint[])
    INTO global_positions
    FROM inserted i;

  IF jsonb_array_length(append_events.outbox) > 0 THEN
    INSERT INTO outbox (message_id, topic, key, headers, payload, created_at)
    SELECT (x.message->>'messageId')::uuid, x.message->>'topic', x.message->>'key',
           coalesce(x.message->'headers', '{}'::jsonb), x.message->'payload', append_events.recorded_at
      FROM jsonb_array_elements(append_events.outbox) WITH ORDINALITY AS x(message, n)
     ORDER BY x.n;
  END IF;

  RETURN QUERY SELECT head + jsonb_array_length(append_events.events), true, global_positions;
END;
$$;
