import type { DecisionRejection, DecisionSetAside, ProvenanceRejected, RequestReceived } from './endorsement.events.js';
import { evolve, rejectsRequest, type EndorsementState } from './endorsement.state.js';

// Facts the endorsement learns from other services through Kafka, which delivers at least once and
// keeps no order between topics. These decisions are idempotent and refuse nothing.

/** Records intake's submission once: a request already received yields no event. */
export function decideReceive(fact: RequestReceived, state: EndorsementState): RequestReceived[] {
  return state.request === undefined ? [fact] : [];
}

/**
 * Records provenance's rejection of the request's submission record, even before the request itself
 * is received (it may be read first: then every rejection is kept until the request says which
 * record is its own). Yields nothing for a redelivery, once the request is rejected, or for the
 * rejection of another record under the request's subject: a forged submission, or a different
 * record re-using the submission's id, which provenance logs rejected without touching the request.
 */
export function decideObserveRejection(fact: ProvenanceRejected, state: EndorsementState): ProvenanceRejected[] {
  if (state.observedSourceEventIds.includes(fact.sourceEventId)) return [];
  if (state.request === undefined) return state.earlyRejections.some((r) => r.recordId === fact.recordId) ? [] : [fact];
  if (state.status === 'rejected' || !rejectsRequest(fact.recordId, state.request)) return [];
  return [fact];
}

/**
 * Sets aside the NCB decision whose record provenance rejected, once. Yields nothing when the
 * rejection was observed already, or when the stream holds no such decision at that version (a
 * record this service never wrote: provenance logged it, and there is nothing here to undo).
 */
export function decideSetAside(rejection: DecisionRejection, state: EndorsementState): DecisionSetAside[] {
  if (state.observedSourceEventIds.includes(rejection.sourceEventId)) return [];
  const decision = state.decisions.find((d) => d.version === rejection.decisionVersion);
  if (decision === undefined || decision.type !== rejection.decision || decision.setAside || state.status === 'unknown') return [];
  const after = evolve(state, { ...rejection, ncb: decision.ncb, status: state.status });
  const voided = after.permit?.voidedAt !== undefined && state.permit?.voidedAt === undefined;
  return [{ ...rejection, ncb: decision.ncb, status: after.status as DecisionSetAside['status'], ...(voided && { voidedPermitId: after.permit!.permitId }) }];
}
