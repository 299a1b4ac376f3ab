import type { AgencyReference, NcbReference, SupportCapability } from '@wildlife/contracts';
import type { EndorsementEvent, NcbDecisionType } from './endorsement.events.js';
import { TRANSITIONS, type EndorsementStatus } from './endorsement.transitions.js';

export interface ReceivedRequest {
  readonly requestId: string;
  /** The id of intake's submission record (its public event): the record a rejection must name. */
  readonly recordId: string;
  readonly agency: AgencyReference;
  readonly submittedAt: string;
  readonly capabilities: readonly SupportCapability[];
}

export interface DirectContactPermit {
  readonly permitId: string;
  /** The endorsement record the permit was issued with (its id is derived from it and the request id). */
  readonly endorsementRecordId: string;
  readonly gsTeam: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly revokedAt?: string;
  readonly revocationReason?: string;
  /** Set when the permit stopped counting before it was revoked or expired (see `voidPermit`). */
  readonly voidedAt?: string;
  readonly voidReason?: string;
}

/** One of the NCB's signed decisions on the request, by the stream version it was appended at. */
export interface NcbDecision {
  readonly version: number;
  readonly type: NcbDecisionType;
  readonly ncb: NcbReference;
  /** Provenance rejected its record: it no longer counts. */
  readonly setAside?: true;
}

export interface EndorsementState {
  /**
   * `unknown` until intake's submission is received, unless provenance rejected the request first:
   * then `rejected`, with no `request`.
   */
  readonly status: 'unknown' | EndorsementStatus;
  readonly request?: ReceivedRequest;
  readonly permit?: DirectContactPermit;
  readonly rejection?: Rejection;
  /**
   * Rejections read before the request: which record each names decides whether it counts, and that
   * is known only once the request is received.
   */
  readonly earlyRejections: readonly EarlyRejection[];
  /** The NCB's decisions, in stream order, including those set aside. */
  readonly decisions: readonly NcbDecision[];
  /** Ids of the public events already observed, so that a redelivery adds nothing. */
  readonly observedSourceEventIds: readonly string[];
  /** The number of events in the stream: what If-Match carries and the append expects. */
  readonly version: number;
}

export interface Rejection {
  readonly at: string;
  readonly code: string;
  readonly text: string;
}

export interface EarlyRejection extends Rejection {
  readonly recordId?: string;
}

export const initialEndorsementState: EndorsementState = { status: 'unknown', decisions: [], earlyRejections: [], observedSourceEventIds: [], version: 0 };

/**
 * Whether a rejection of a record under this request's subject rejects the request: it names the
 * request's own submission record (or predates `recordId`, whose rejections all counted).
 */
export function rejectsRequest(recordId: string | undefined, request: ReceivedRequest): boolean {
  return recordId === undefined || recordId === request.recordId;
}

/**
 * Folds one stream event into the state. Total and pure: every event raises `version` by one.
 * NCB decisions set the status named in TRANSITIONS; a rejection sets `rejected` whatever came
 * before, and a request received after its rejection stays rejected. A decision set aside stops
 * counting: the status becomes what the decisions that still count lead to (see `statusAfter`).
 */
export function evolve(state: EndorsementState, event: EndorsementEvent): EndorsementState {
  const next = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'RequestReceived': {
      const { requestId, agency, submittedAt, capabilities } = event;
      const request = { requestId, recordId: event.sourceEventId, agency, submittedAt, capabilities };
      const early = state.earlyRejections.find((r) => rejectsRequest(r.recordId, request));
      const { rejection: _unconfirmed, ...rest } = next;
      return {
        ...rest,
        status: early ? 'rejected' : 'submitted',
        request,
        ...(early && { rejection: { at: early.at, code: early.code, text: early.text } }),
        earlyRejections: [],
        observedSourceEventIds: [...state.observedSourceEventIds, event.sourceEventId],
      };
    }
    case 'RequestAcknowledged':
    case 'RequestEndorsed':
    case 'RequestDeclined': {
      const decisions = [...state.decisions, { version: next.version, type: event.type, ncb: event.ncb }];
      return { ...next, status: statusAfter(decisions), decisions };
    }
    case 'DirectContactPermitIssued': {
      const { permitId, endorsementRecordId, gsTeam, issuedAt, expiresAt } = event;
      return { ...next, permit: { permitId, endorsementRecordId, gsTeam, issuedAt, expiresAt } };
    }
    case 'DirectContactPermitRevoked': {
      const decisions = [...state.decisions, { version: next.version, type: event.type, ncb: event.revokedBy }];
      const permit = state.permit && { ...state.permit, revokedAt: event.at, revocationReason: event.reason };
      return { ...next, decisions, ...(permit && { permit }) };
    }
    case 'ProvenanceRejected': {
      const observed = [...state.observedSourceEventIds, event.sourceEventId];
      if (state.request === undefined) {
        const early = { at: event.at, ...event.reason, ...(event.recordId !== undefined && { recordId: event.recordId }) };
        // Shown as the request's rejection until the request is received and says whether it counts.
        const rejection = state.rejection ?? { at: event.at, ...event.reason };
        return { ...next, status: 'rejected', rejection, earlyRejections: [...state.earlyRejections, early], observedSourceEventIds: observed };
      }
      if (!rejectsRequest(event.recordId, state.request) || state.rejection) return { ...next, observedSourceEventIds: observed };
      const permit = voidPermit(state.permit, event.at, `The request was rejected by the provenance check (${event.reason.code}).`);
      return {
        ...next,
        status: 'rejected',
        rejection: { at: event.at, ...event.reason },
        ...(permit && { permit }),
        observedSourceEventIds: [...state.observedSourceEventIds, event.sourceEventId],
      };
    }
    case 'DecisionSetAside': {
      const decisions = state.decisions.map((decision) => (decision.version === event.decisionVersion ? { ...decision, setAside: true as const } : decision));
      const permit =
        event.decision === 'RequestEndorsed'
          ? voidPermit(state.permit, event.at, `The endorsement was set aside: the provenance check rejected its record (${event.reason.code}).`)
          : state.permit;
      return {
        ...next,
        status: state.status === 'rejected' ? 'rejected' : statusAfter(decisions),
        decisions,
        ...(permit && { permit }),
        observedSourceEventIds: [...state.observedSourceEventIds, event.sourceEventId],
      };
    }
  }
}

const STATUS_AFTER: Record<NcbDecisionType, EndorsementStatus | undefined> = {
  RequestAcknowledged: TRANSITIONS.acknowledge.to,
  RequestEndorsed: TRANSITIONS.endorse.to,
  RequestDeclined: TRANSITIONS.decline.to,
  DirectContactPermitRevoked: undefined,
};

/** Where the NCB's decisions that still count leave a received request: the last one's status, else submitted. */
function statusAfter(decisions: readonly NcbDecision[]): EndorsementStatus {
  let status: EndorsementStatus = 'submitted';
  for (const decision of decisions) if (!decision.setAside) status = STATUS_AFTER[decision.type] ?? status;
  return status;
}

/**
 * The permit made void at `at`, or as it was: a permit already revoked, void or expired by then
 * (or none) stays as it is. A void permit opens no direct contact, and no NCB can revoke it.
 */
function voidPermit(permit: DirectContactPermit | undefined, at: string, reason: string): DirectContactPermit | undefined {
  if (permit === undefined || permit.revokedAt !== undefined || permit.voidedAt !== undefined) return permit;
  if (Date.parse(at) >= Date.parse(permit.expiresAt)) return permit;
  return { ...permit, voidedAt: at, voidReason: reason };
}

/** Folds a list of events from the initial state, as the stream is read back. */
export function replay(events: readonly EndorsementEvent[]): EndorsementState {
  return events.reduce(evolve, initialEndorsementState);
}
