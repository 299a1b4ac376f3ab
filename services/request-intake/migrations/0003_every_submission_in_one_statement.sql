-- Every submission in one statement: external information is recorded as support requests are
-- (0002), by `record_submission`, which writes the read model of the kind it is told. It replaces
-- `submit_support_request`, which could write only a support request's.

-- The read model of one piece of external information, passed as its `external_information` row
-- (src/support-requests/read-model/external-information.projection.ts). Written once: a second write
-- of the same row changes nothing, so the live path and the rebuild write the same row; it is their
-- one implementation.
CREATE FUNCTION write_external_information_view(view jsonb) RETURNS void
-- PL/pgSQL for the reason given in 0002: a SQL function is planned again on every call.
LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  INSERT INTO external_information
  SELECT * FROM jsonb_populate_record(NULL::external_information, view)
  ON CONFLICT (information_id) DO NOTHING;
END;
$$;

DROP FUNCTION submit_support_request(jsonb, jsonb, text, jsonb, jsonb, timestamptz, boolean, jsonb);

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
-- 4. writes the read model `view` by its `view_kind` ('support_request': write_support_request_view;
--    'external_information': write_external_information_view; any other raises, keeping nothing)
--    and returns 'appended'.
-- The kinds are static branches rather than an EXECUTE of a name: each branch's call is planned
-- once per session, where EXECUTE would plan it again on every submission.
CREATE FUNCTION record_submission(
  signature_nonce jsonb,
  first_answer    jsonb,
  stream_id       text,
  events          jsonb,
  outbox          jsonb,
  recorded_at     timestamptz,
  notify_relay    boolean,
  view_kind       text,
  view            jsonb
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
    FROM append_events(record_submission.stream_id, 0, 0, record_submission.events,
                       record_submission.outbox, record_submission.recorded_at,
                       record_submission.notify_relay) AS a;
  IF NOT did_append THEN
    RAISE EXCEPTION 'stream % already exists (version %)', record_submission.stream_id, found_version
      USING ERRCODE = 'IN409', DETAIL = found_version::text;
  END IF;

  IF view_kind = 'support_request' THEN
    PERFORM write_support_request_view(view);
  ELSIF view_kind = 'external_information' THEN
    PERFORM write_external_information_view(view);
  ELSE
    RAISE EXCEPTION 'no read model of kind %', view_kind USING ERRCODE = '22023';
  END IF;
  RETURN QUERY SELECT 'appended'::text, NULL::jsonb;
END;
$$;
