-- A support-request submission in one statement, so one round trip and one transaction of its own
-- (its commit is as durable as the server's synchronous_commit makes any other).

-- The read model of one request from its state, passed as {"request": <support_requests row>,
-- "history": [<support_request_history rows without request_id>, …]}: the row is inserted or
-- replaced, then every history line not written yet is added (the foreign key is checked at the end
-- of the statement, after both). Idempotent, so the live paths and the rebuild write the same rows;
-- it is their one implementation (src/support-requests/read-model/support-request.projection.ts).
CREATE FUNCTION write_support_request_view(view jsonb) RETURNS void
-- PL/pgSQL rather than SQL: a session plans its statements once, where a SQL function is planned
-- again on every call.
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  WITH request AS (
    INSERT INTO support_requests
    SELECT * FROM jsonb_populate_record(NULL::support_requests, view->'request')
    ON CONFLICT (request_id) DO UPDATE
       SET status = EXCLUDED.status, provenance_status = EXCLUDED.provenance_status,
           permit = EXCLUDED.permit, version = EXCLUDED.version
    RETURNING request_id
  )
  INSERT INTO support_request_history (request_id, position, what, at, by, detail)
  SELECT request.request_id, line.position, line.what, line.at, line.by, line.detail
    FROM request, jsonb_populate_recordset(NULL::support_request_history, view->'history') AS line
  ON CONFLICT (request_id, position) DO NOTHING;
END;
$$;

-- Records a submission, all in the calling statement's transaction, in this order:
-- 1. with `signature_nonce` ({"keyId", "nonce", "expiresAt": unix seconds}), claims the signature's nonce in
--    request_nonces (libs/service-kit/migrations/0001_request_nonces.sql, the same insert as
--    NonceStore.claim); when it was claimed before, writes nothing and returns 'nonce_reused';
-- 2. with `first_answer` ({"principalId", "key", "requestHash", "status", "body"}), keeps the
--    Idempotency-Key's first answer; when the key already holds one (a concurrent insert of the same
--    key waits for the other transaction, and this function's next statement takes a fresh snapshot
--    that sees its row) it appends nothing and returns 'key_holds_answer' with the stored answer
--    ({"requestHash", "status", "body"}); the nonce claim is kept, as the request did arrive;
-- 3. appends `events` and `outbox` to the new stream `stream_id` through the event store's
--    append_events (migrations of libs/event-store), with its `notify_relay` as EventStore's
--    outboxWakeUp() chose it; a stream that already exists raises SQLSTATE 'IN409', which rolls back
--    the claim and the key too;
-- 4. writes the read model `request_view` (write_support_request_view) and returns 'appended'.
CREATE FUNCTION submit_support_request(
  signature_nonce jsonb,
  first_answer    jsonb,
  stream_id       text,
  events          jsonb,
  outbox          jsonb,
  recorded_at     timestamptz,
  notify_relay    boolean,
  request_view    jsonb
) RETURNS TABLE (outcome text, stored jsonb)
LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  found_version integer;
  did_append    boolean;
BEGIN
  IF signature_nonce IS NOT NULL THEN
    INSERT INTO request_nonces (key_id, nonce, expires_at)
    VALUES (signature_nonce->>'keyId', signature_nonce->>'nonce', to_timestamp((signature_nonce->>'expiresAt')::double precision))
    ON CONFLICT (key_id, nonce) DO NOTHING;
    IF NOT FOUND THEN
      RETURN QUERY SELECT 'nonce_reused'::text, NULL::jsonb;
      RETURN;
    END IF;
  END IF;

  IF first_answer IS NOT NULL THEN
    INSERT INTO idempotency_keys (principal_id, key, request_hash, response_status, response_body)
    VALUES (first_answer->>'principalId', first_answer->>'key', first_answer->>'requestHash', (first_answer->>'status')::integer, first_answer->'body')
    ON CONFLICT (principal_id, key) DO NOTHING;
    IF NOT FOUND THEN
      RETURN QUERY
        SELECT 'key_holds_answer'::text,
               jsonb_build_object('requestHash', k.request_hash, 'status', k.response_status, 'body', k.response_body)
          FROM idempotency_keys k
         WHERE k.principal_id = first_answer->>'principalId' AND k.key = first_answer->>'key';
      RETURN;
    END IF;
  END IF;

  SELECT a.version, a.appended INTO found_version, did_append
    FROM append_events(submit_support_request.stream_id, 0, 0, submit_support_request.events,
                       submit_support_request.outbox, submit_support_request.recorded_at,
                       submit_support_request.notify_relay) AS a;
  IF NOT did_append THEN
    RAISE EXCEPTION 'stream % already exists (version %)', submit_support_request.stream_id, found_version
      USING ERRCODE = 'IN409', DETAIL = found_version::text;
  END IF;

  PERFORM write_support_request_view(request_view);
  RETURN QUERY SELECT 'appended'::text, NULL::jsonb;
END;
$$;
