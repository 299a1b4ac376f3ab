-- The first answer to each registry command sent with an Idempotency-Key, so a retry after a lost
-- response gets that answer again instead of a second accreditation (the service picks the
-- accreditation id when the body leaves it out) or a 409. Keyed by the signer: two principals never
-- share keys. Written in the registry command's own transaction, the one that holds the `registry`
-- stream's lock and appends the facts, so a key holds an answer exactly when its facts were stored,
-- and a retry (which waits for that lock) always finds it. Only accepted commands are kept: a
-- refusal stores nothing, so its retry is decided again. Not derived from events: not part of a rebuild.
CREATE TABLE registry_idempotency_keys (
  principal_id     text        NOT NULL,
  key              text        NOT NULL,
  -- Hex sha-256 over the method, path and canonical JSON body of the first command (submissionFingerprint).
  request_hash     text        NOT NULL,
  response_status  integer     NOT NULL,
  response_body    jsonb       NOT NULL,
  -- The `registry` stream's version the first answer named in its ETag.
  registry_version integer     NOT NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (principal_id, key)
);
