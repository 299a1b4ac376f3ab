-- Events on which the spine tests' reaction stumbles `remaining` more times before it succeeds: as a
-- reaction whose own code raised a contract error (a bug, not the message's fault) would.
CREATE TABLE stumbles (
  event_id  text PRIMARY KEY,
  remaining integer NOT NULL
);
