-- Nonces of signed requests already accepted, per key, kept until the request's signature could no
-- longer pass the time window anyway. A replayed request finds its row and is refused.
CREATE TABLE request_nonces (
  key_id     text        NOT NULL,
  nonce      text        NOT NULL,
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (key_id, nonce)
);
CREATE INDEX request_nonces_expiry ON request_nonces (expires_at);
