import type { CloudEvent, RecordRejectedV1, SupportRequestSubmittedV1 } from '@wildlife/contracts';
import type { DecisionRejection, NcbDecisionType, ProvenanceRejected, RequestReceived } from '../domain/endorsement.events.js';

// The facts the endorsement learns from other services' public events (already validated against
// their contracts and upcast to the latest version by the pipeline).

export const SUPPORT_REQUEST_SUBMITTED = 'request-intake.SupportRequestSubmitted.v1';
export const RECORD_REJECTED = 'provenance.RecordRejected.v1';

/**
 * The request an event names (its `requestId`, or its subject), as this service keys its streams:
 * lower case, as intake issues ids. The contracts' `uuid` format takes capitals too; a rejection
 * naming a known request in capitals would otherwise land on a stream of its own, and the request
 * (or the NCB decision provenance rejected) would go on as if it counted.
 */
export const requestIdOf = (id: string): string => id.toLowerCase();

/** Intake's submission as the stream records it: who asked, from which country, for what. */
export function requestReceivedFrom(event: CloudEvent<SupportRequestSubmittedV1>): RequestReceived {
  const { requestId, requestingAgency, submittedAt, capabilities } = event.data;
  return { type: 'RequestReceived', requestId: requestIdOf(requestId), agency: requestingAgency, submittedAt, capabilities, sourceEventId: event.id };
}

/**
 * Provenance's rejection of a support request's submission record, or undefined for a rejection of
 * any other record. The request is the event's subject: every public event is keyed by its case.
 * Whether the record is the request's own is decided on its stream (`decideObserveRejection`).
 */
export function provenanceRejectionFrom(event: CloudEvent<RecordRejectedV1>): ProvenanceRejected | undefined {
  if (event.data.recordType !== SUPPORT_REQUEST_SUBMITTED) return undefined;
  const { rejectedAt, reason, recordId } = event.data;
  return { type: 'ProvenanceRejected', requestId: requestIdOf(event.subject), at: rejectedAt, reason: { code: reason.code, text: reason.text }, sourceEventId: event.id, recordId };
}

const NCB_DECISION_RECORD = /^ncb-endorsement\.(RequestAcknowledged|RequestEndorsed|RequestDeclined|DirectContactPermitRevoked)\.v[1-9][0-9]*$/;

/** The NCB decision a record type is the record of (any version), or undefined for any other record. */
export function ncbDecisionOf(recordType: string): NcbDecisionType | undefined {
  return NCB_DECISION_RECORD.exec(recordType)?.[1] as NcbDecisionType | undefined;
}

/**
 * Provenance's rejection of one of this service's NCB decision records, as the set-aside of that
 * decision in the stream whose event ids are `eventIds` (the public event takes its stream event's
 * id); undefined for a rejection of any other record, or of a record the stream does not hold.
 */
export function decisionSetAsideFrom(event: CloudEvent<RecordRejectedV1>, eventIds: readonly string[]): DecisionRejection | undefined {
  const decision = ncbDecisionOf(event.data.recordType);
  const index = eventIds.indexOf(event.data.recordId);
  if (decision === undefined || index < 0) return undefined;
  const { recordId, recordType, rejectedAt, reason } = event.data;
  return {
    type: 'DecisionSetAside',
    requestId: requestIdOf(event.subject),
    decisionVersion: index + 1,
    decision,
    recordId,
    recordType,
    at: rejectedAt,
    reason: { code: reason.code, text: reason.text },
    sourceEventId: event.id,
  };
}
