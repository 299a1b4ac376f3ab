-- A permit can stop counting before it is revoked or expires: its request was rejected by the
-- provenance check, or the endorsement that issued it was set aside (its record was rejected).
-- The fold that writes the read models now says so on the permit itself; rows written before
-- take the one rule that existed then: void from the request's rejection, when that came before
-- the permit was revoked or expired.
ALTER TABLE permits ADD COLUMN voided_at text, ADD COLUMN void_reason text;

UPDATE permits p
   SET voided_at = e.rejection->>'at',
       void_reason = 'The request was rejected by the provenance check (' || (e.rejection->>'code') || ').'
  FROM endorsements e
 WHERE e.request_id = p.request_id
   AND e.rejection IS NOT NULL
   AND p.revoked_at IS NULL
   AND (e.rejection->>'at')::timestamptz < p.expires_at::timestamptz;
