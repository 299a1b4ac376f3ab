-- Messages a consumer has already acted on, recorded in the same transaction as the effect, so a
-- redelivered message finds its row and is skipped.
CREATE TABLE inbox (
  consumer     text        NOT NULL,
  message_id   text        NOT NULL,
  processed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (consumer, message_id)
);
