import type { CloudEvent, RecordRejectedV1, SupportRequestSubmittedV1 } from '@wildlife/contracts';
import type { ProvenanceRejected, RequestReceived } from '../domain/endorsement.events.js';

// The facts the endorsement learns from other services' public events (already validated against
// their contracts and upcast to the latest version by the pipeline).

export const SUPPORT_REQUEST_SUBMITTED = 'request-intake.SupportRequestSubmitted.v1';
export const RECORD_REJECTED = 'provenance.RecordRejected.v1';

/** Intake's submission as the stream records it: who asked, from which country, for what. */
export function requestReceivedFrom(event: CloudEvent<SupportRequestSubmittedV1>): RequestReceived {
  const { requestId, requestingAgency, submittedAt, capabilities } = event.data;
  return { type: 'RequestReceived', requestId, agency: requestingAgency, submittedAt, capabilities, sourceEventId: event.id };
}

/**
 * Provenance's rejection of a support request's submission record, or undefined for a rejection of
 * any other record. The request is the event's subject: every public event is keyed by its case.
 */
export function provenanceRejectionFrom(event: CloudEvent<RecordRejectedV1>): ProvenanceRejected | undefined {
  if (event.data.recordType !== SUPPORT_REQUEST_SUBMITTED) return undefined;
  const { rejectedAt, reason } = event.data;
  return { type: 'ProvenanceRejected', requestId: event.subject, at: rejectedAt, reason: { code: reason.code, text: reason.text }, sourceEventId: event.id };
}
