-- Read models of request intake. Every row here is derived from the event store and rebuilt from it
-- by `rebuildReadModels` (truncate, then replay the whole log); they are written in the same
-- transaction as the append they reflect, so a reader never sees a status the log does not hold.

-- One row per support request: its current statuses and what the GET endpoints show.
CREATE TABLE support_requests (
  request_id           uuid        PRIMARY KEY,
  -- The lifecycle (submitted, acknowledged, endorsed, declined, rejected) and provenance statuses.
  status               text        NOT NULL,
  provenance_status    text        NOT NULL,
  -- Who may see it: the requesting agency, the NCB of `country`, the GS.
  requesting_agency_id text        NOT NULL,
  country              text        NOT NULL,
  submitted_by         jsonb       NOT NULL,
  channel              text        NOT NULL,
  submitted_at         timestamptz NOT NULL,
  facts                jsonb       NOT NULL,
  permit               jsonb,
  -- The stream event (and public event) id of the submission: the record provenance verifies.
  submission_event_id  uuid        NOT NULL,
  -- The stream's version: the ETag.
  version              integer     NOT NULL
);

-- Listings are newest first, then by id for a stable keyset cursor, within what the caller may see.
CREATE INDEX support_requests_by_agency ON support_requests (requesting_agency_id, submitted_at DESC, request_id DESC);
CREATE INDEX support_requests_by_country ON support_requests (country, submitted_at DESC, request_id DESC);
CREATE INDEX support_requests_newest ON support_requests (submitted_at DESC, request_id DESC);

-- What happened to each request, in stream order (position 1 is the submission).
CREATE TABLE support_request_history (
  request_id uuid        NOT NULL REFERENCES support_requests (request_id) ON DELETE CASCADE,
  position   integer     NOT NULL CHECK (position >= 1),
  what       text        NOT NULL,
  at         timestamptz NOT NULL,
  by         text,
  detail     text,
  PRIMARY KEY (request_id, position)
);

-- Information from external sources: never an official record, so the flag and the caveat are
-- columns of their own, shown with every read.
CREATE TABLE external_information (
  information_id     uuid        PRIMARY KEY,
  source_id          text        NOT NULL,
  source_name        text        NOT NULL,
  received_at        timestamptz NOT NULL,
  external           boolean     NOT NULL CHECK (external),
  caveat             text        NOT NULL,
  summary            text        NOT NULL,
  related_request_id uuid,
  countries_concerned text[]     NOT NULL,
  facts              jsonb       NOT NULL,
  version            integer     NOT NULL
);

-- The first answer to each idempotent submission, per signer and Idempotency-Key. Written in the
-- transaction of the append it answers for, so two concurrent retries cannot both append: the second
-- insert waits for the first transaction and then finds its row. Only accepted submissions are kept
-- (a refusal stores nothing). Not derived from events: it is not part of the rebuild.
CREATE TABLE idempotency_keys (
  principal_id    text        NOT NULL,
  key             text        NOT NULL,
  -- Hex sha-256 over the method, path and canonical JSON body of the first submission.
  request_hash    text        NOT NULL,
  response_status integer     NOT NULL,
  response_body   jsonb       NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (principal_id, key)
);
