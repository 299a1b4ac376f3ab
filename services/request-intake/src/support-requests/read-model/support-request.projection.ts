import type pg from 'pg';
import type { SupportRequest } from '../domain/support-request.state.js';
import type { ReadModelView } from './read-model-view.js';

/**
 * The read model of one request as `write_support_request_view` takes it (migrations/0002): its
 * `support_requests` row and its history lines in stream order (position 1 is the submission).
 */
export function supportRequestViewOf(request: SupportRequest, submissionEventId: string): ReadModelView<'support_request'> {
  const rows = {
    request: {
      request_id: request.requestId,
      status: request.status,
      provenance_status: request.provenance,
      requesting_agency_id: request.requestingAgency.principalId,
      country: request.requestingAgency.country,
      submitted_by: request.submittedBy,
      channel: request.channel,
      submitted_at: request.submittedAt,
      facts: request.facts,
      permit: request.permit ?? null,
      submission_event_id: submissionEventId,
      version: request.version,
    },
    history: request.history.map((entry, i) => ({ position: i + 1, what: entry.what, at: entry.at, by: entry.by ?? null, detail: entry.detail ?? null })),
  };
  return { kind: 'support_request', json: JSON.stringify(rows) };
}

/**
 * Writes the read model of one request from its state: the row (inserted or replaced) and every
 * history line not written yet, in one statement. Idempotent: writing the same state twice leaves the
 * same rows, so the live paths (in each append's transaction) and the rebuild write exactly the same.
 */
export async function writeSupportRequestView(db: pg.ClientBase, request: SupportRequest, submissionEventId: string): Promise<void> {
  await db.query('SELECT write_support_request_view($1)', [supportRequestViewOf(request, submissionEventId).json]);
}
