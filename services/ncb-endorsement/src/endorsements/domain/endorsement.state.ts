import type { AgencyReference, SupportCapability } from '@wildlife/contracts';
import type { EndorsementEvent } from './endorsement.events.js';
import { TRANSITIONS, type EndorsementStatus } from './endorsement.transitions.js';

export interface ReceivedRequest {
  readonly requestId: string;
  readonly agency: AgencyReference;
  readonly submittedAt: string;
  readonly capabilities: readonly SupportCapability[];
}

export interface DirectContactPermit {
  readonly permitId: string;
  readonly gsTeam: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  readonly revokedAt?: string;
  readonly revocationReason?: string;
}

export interface EndorsementState {
  /**
   * `unknown` until intake's submission is received, unless provenance rejected the request first:
   * then `rejected`, with no `request`.
   */
  readonly status: 'unknown' | EndorsementStatus;
  readonly request?: ReceivedRequest;
  readonly permit?: DirectContactPermit;
  readonly rejection?: { readonly at: string; readonly code: string; readonly text: string };
  /** Ids of the public events already observed, so that a redelivery adds nothing. */
  readonly observedSourceEventIds: readonly string[];
  /** The number of events in the stream: what If-Match carries and the append expects. */
  readonly version: number;
}

export const initialEndorsementState: EndorsementState = { status: 'unknown', observedSourceEventIds: [], version: 0 };

/**
 * Folds one stream event into the state. Total and pure: every event raises `version` by one.
 * NCB decisions set the status named in TRANSITIONS; a rejection sets `rejected` whatever came
 * before, and a request received after its rejection stays rejected.
 */
export function evolve(state: EndorsementState, event: EndorsementEvent): EndorsementState {
  const next = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'RequestReceived': {
      const { requestId, agency, submittedAt, capabilities } = event;
      return {
        ...next,
        status: state.status === 'rejected' ? 'rejected' : 'submitted',
        request: { requestId, agency, submittedAt, capabilities },
        observedSourceEventIds: [...state.observedSourceEventIds, event.sourceEventId],
      };
    }
    case 'RequestAcknowledged':
      return { ...next, status: TRANSITIONS.acknowledge.to };
    case 'RequestEndorsed':
      return { ...next, status: TRANSITIONS.endorse.to };
    case 'RequestDeclined':
      return { ...next, status: TRANSITIONS.decline.to };
    case 'DirectContactPermitIssued': {
      const { permitId, gsTeam, issuedAt, expiresAt } = event;
      return { ...next, permit: { permitId, gsTeam, issuedAt, expiresAt } };
    }
    case 'DirectContactPermitRevoked':
      return state.permit === undefined
        ? next
        : { ...next, permit: { ...state.permit, revokedAt: event.at, revocationReason: event.reason } };
    case 'ProvenanceRejected':
      return {
        ...next,
        status: 'rejected',
        rejection: { at: event.at, ...event.reason },
        observedSourceEventIds: [...state.observedSourceEventIds, event.sourceEventId],
      };
  }
}

/** Folds a list of events from the initial state, as the stream is read back. */
export function replay(events: readonly EndorsementEvent[]): EndorsementState {
  return events.reduce(evolve, initialEndorsementState);
}
