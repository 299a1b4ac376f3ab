import type pg from 'pg';
import type { SupportRequest } from '../domain/support-request.state.js';

// One statement, so one round trip: the row is inserted or replaced, then every history line not
// written yet is added (the foreign key is checked at the end of the statement, after both).
const WRITE_VIEW = `
  WITH request AS (
    INSERT INTO support_requests (request_id, status, provenance_status, requesting_agency_id, country, submitted_by,
                                  channel, submitted_at, facts, permit, submission_event_id, version)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
    ON CONFLICT (request_id) DO UPDATE
       SET status = EXCLUDED.status, provenance_status = EXCLUDED.provenance_status,
           permit = EXCLUDED.permit, version = EXCLUDED.version
    RETURNING request_id
  )
  INSERT INTO support_request_history (request_id, position, what, at, by, detail)
  SELECT request.request_id, line.* FROM request,
         unnest($13::integer[], $14::text[], $15::timestamptz[], $16::text[], $17::text[]) AS line
  ON CONFLICT (request_id, position) DO NOTHING`;

/**
 * Writes the read model of one request from its state: the row (inserted or replaced) and every
 * history line not written yet. Idempotent: writing the same state twice leaves the same rows, so
 * the live path (after each append, in its transaction) and the rebuild write exactly the same.
 */
export async function writeSupportRequestView(db: pg.ClientBase, request: SupportRequest, submissionEventId: string): Promise<void> {
  const { history } = request;
  await db.query(WRITE_VIEW, [
    request.requestId,
    request.status,
    request.provenance,
    request.requestingAgency.principalId,
    request.requestingAgency.country,
    JSON.stringify(request.submittedBy),
    request.channel,
    request.submittedAt,
    JSON.stringify(request.facts),
    request.permit === undefined ? null : JSON.stringify(request.permit),
    submissionEventId,
    request.version,
    history.map((_, i) => i + 1),
    history.map((entry) => entry.what),
    history.map((entry) => entry.at),
    history.map((entry) => entry.by ?? null),
    history.map((entry) => entry.detail ?? null),
  ]);
}
