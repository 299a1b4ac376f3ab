-- Read models of the NCB endorsement, written in the same transaction as the append to the request's
-- stream `endorsement-<request id>`, and rebuildable from the events alone
-- (rebuildEndorsementReadModel). Times are kept as the RFC 3339 strings the events carry.

-- One row per request stream: where the request stands at its NCB.
CREATE TABLE endorsements (
  request_id    text    PRIMARY KEY,
  -- submitted | acknowledged | endorsed | declined | rejected. A rejection read before the
  -- submission gives a rejected row without agency or country: answered as not found.
  status        text    NOT NULL,
  -- The stream's version: what the ETag carries and If-Match must name.
  version       integer NOT NULL CHECK (version >= 1),
  agency_id     text,
  -- The requesting agency's country: the only NCB that may act on the request.
  country       text,
  submitted_at  text,
  capabilities  jsonb   NOT NULL DEFAULT '[]'::jsonb,
  permit_id     text,
  rejection     jsonb,
  -- What happened, in stream order (see EndorsementHistoryEntry).
  history       jsonb   NOT NULL DEFAULT '[]'::jsonb
);

CREATE INDEX endorsements_by_country_status ON endorsements (country, status);

-- One row per direct-contact permit, so a permit id finds its request.
CREATE TABLE permits (
  permit_id         text PRIMARY KEY,
  request_id        text NOT NULL REFERENCES endorsements (request_id),
  agency_id         text NOT NULL,
  country           text NOT NULL,
  gs_team           text NOT NULL,
  issued_at         text NOT NULL,
  expires_at        text NOT NULL,
  issued_by         text NOT NULL,
  revoked_at        text,
  revocation_reason text,
  revoked_by        text
);

CREATE INDEX permits_by_request ON permits (request_id);
