import type { ProvenanceRejected, RequestReceived } from './endorsement.events.js';
import type { EndorsementState } from './endorsement.state.js';

// Facts the endorsement learns from other services through Kafka, which delivers at least once and
// keeps no order between topics. Both decisions are idempotent and refuse nothing.

/** Records intake's submission once: a request already received yields no event. */
export function decideReceive(fact: RequestReceived, state: EndorsementState): RequestReceived[] {
  return state.request === undefined ? [fact] : [];
}

/**
 * Records provenance's rejection of the request, even before the request itself is received (it
 * may be read first). A redelivered or second rejection yields no event: once rejected is enough.
 */
export function decideObserveRejection(fact: ProvenanceRejected, state: EndorsementState): ProvenanceRejected[] {
  if (state.status === 'rejected' || state.observedSourceEventIds.includes(fact.sourceEventId)) return [];
  return [fact];
}
