import type { AgencyReference, SubmissionChannel } from '@wildlife/contracts';
import type { ActingPrincipal } from './acting-principal.js';
import type { SupportRequestFacts } from './support-request.facts.js';
import type { SupportRequestEvent, SupportRequestObservedFact } from './support-request.events.js';
import { laterLifecycleStatus, laterProvenanceStatus, type LifecycleStatus, type ProvenanceStatus } from './support-request.status.js';

/** One line of what happened to a request: what, when, and who did it (no one for provenance verdicts). */
export interface HistoryEntry {
  readonly what: SupportRequestEvent['type'];
  readonly at: string;
  readonly by?: string;
  readonly detail?: string;
}

/** The direct-contact permit as intake last heard of it; parts may be missing when facts came out of order. */
export interface PermitSeen {
  readonly permitId: string;
  readonly gsTeam?: string;
  readonly expiresAt?: string;
  readonly revokedAt?: string;
  /** Set once the permit stopped counting: the endorsement that issued it was set aside. */
  readonly voidedAt?: string;
}

export interface NoSupportRequest {
  readonly status: 'none';
  readonly version: number;
}

export interface SupportRequest {
  readonly status: LifecycleStatus;
  readonly provenance: ProvenanceStatus;
  /** The log entry of the provenance verdict `provenance` comes from, when the fact named it. */
  readonly provenanceLogIndex?: number;
  readonly requestId: string;
  readonly submittedAt: string;
  readonly requestingAgency: AgencyReference;
  readonly submittedBy: ActingPrincipal;
  readonly channel: SubmissionChannel;
  readonly facts: SupportRequestFacts;
  readonly permit?: PermitSeen;
  readonly history: readonly HistoryEntry[];
  /** Ids of the public events already observed, so that a redelivery adds nothing. */
  readonly observedSourceEventIds: readonly string[];
  /** The number of events in the stream: what If-Match carries. */
  readonly version: number;
}

export type SupportRequestState = NoSupportRequest | SupportRequest;

export const initialSupportRequestState: SupportRequestState = { status: 'none', version: 0 };

/**
 * Folds one stream event into the state. Total and pure: every event raises `version` by one.
 * Observed facts only ever move the lifecycle and provenance statuses forward (see
 * support-request.status.ts) and are always written to the history, so a fact that arrives late
 * is recorded without undoing what a later fact established. The one exception is a decision the
 * endorsement service set aside: it says where the request stands at its NCB now, after the
 * decisions it published before it on the same ordered partition.
 */
export function evolve(state: SupportRequestState, event: SupportRequestEvent): SupportRequestState {
  const version = state.version + 1;
  if (event.type === 'SupportRequestSubmitted') {
    return {
      status: 'submitted',
      provenance: 'unverified',
      requestId: event.requestId,
      submittedAt: event.submittedAt,
      requestingAgency: event.requestingAgency,
      submittedBy: event.submittedBy,
      channel: event.channel,
      facts: event.facts,
      history: [{ what: event.type, at: event.submittedAt, by: event.submittedBy.principalId }],
      observedSourceEventIds: [],
      version,
    };
  }
  // decideObserve never lets a fact precede the submission; replay still counts it.
  if (state.status === 'none') return { ...state, version };
  return {
    ...state,
    ...observe(state, event),
    history: [...state.history, historyEntryOf(event)],
    observedSourceEventIds: [...state.observedSourceEventIds, event.sourceEventId],
    version,
  };
}

/** Folds a list of events from the initial state, as the stream is read back. */
export function replay(events: readonly SupportRequestEvent[]): SupportRequestState {
  return events.reduce(evolve, initialSupportRequestState);
}

function observe(state: SupportRequest, fact: SupportRequestObservedFact): Partial<SupportRequest> {
  switch (fact.type) {
    case 'RequestAcknowledgedByNcb':
      return { status: laterLifecycleStatus(state.status, 'acknowledged') };
    case 'RequestEndorsedByNcb':
      return { status: laterLifecycleStatus(state.status, 'endorsed') };
    case 'RequestDeclinedByNcb':
      return { status: laterLifecycleStatus(state.status, 'declined') };
    case 'ProvenanceVerified':
      return provenanceVerified(state, fact);
    case 'ProvenanceRejected':
      return { status: 'rejected', provenance: 'rejected' };
    case 'NcbDecisionSetAside':
      return {
        status: state.status === 'rejected' ? 'rejected' : fact.status,
        ...(fact.voidedPermitId !== undefined && { permit: { ...permitSeen(state, fact.voidedPermitId), voidedAt: fact.at } }),
      };
    case 'DirectContactPermitIssued':
      return { permit: { ...permitSeen(state, fact.permitId), gsTeam: fact.gsTeam, expiresAt: fact.expiresAt } };
    case 'DirectContactPermitRevoked':
      return { permit: { ...permitSeen(state, fact.permitId), revokedAt: fact.at } };
  }
}

/**
 * A provenance verdict on the submission. Verdicts on one record come from the log in its order (on
 * one partition, keyed by the request), each naming its entry: a later entry says where the record
 * stands now, and may move it back from official to pending (an accreditation suspended from
 * before it, logged after it). A verdict naming an entry no later than the one seen (a redelivery)
 * changes nothing; one without an entry (stored before verdicts named theirs) only moves forward.
 * A rejection stays final.
 */
function provenanceVerified(state: SupportRequest, fact: Extract<SupportRequestObservedFact, { type: 'ProvenanceVerified' }>): Partial<SupportRequest> {
  if (state.provenance === 'rejected') return {};
  if (fact.logIndex === undefined || state.provenanceLogIndex === undefined) {
    return { provenance: laterProvenanceStatus(state.provenance, fact.classification), ...(fact.logIndex !== undefined && { provenanceLogIndex: fact.logIndex }) };
  }
  return fact.logIndex > state.provenanceLogIndex ? { provenance: fact.classification, provenanceLogIndex: fact.logIndex } : {};
}

/** What was seen of permit `permitId`: nothing yet when the permit seen so far is another one. */
function permitSeen(state: SupportRequest, permitId: string): PermitSeen {
  return state.permit?.permitId === permitId ? state.permit : { permitId };
}

function historyEntryOf(fact: SupportRequestObservedFact): HistoryEntry {
  const entry = { what: fact.type, at: fact.at };
  switch (fact.type) {
    case 'RequestAcknowledgedByNcb':
      return { ...entry, by: fact.ncb.principalId };
    case 'RequestEndorsedByNcb':
      return { ...entry, by: fact.ncb.principalId, ...(fact.note !== undefined && { detail: fact.note }) };
    case 'RequestDeclinedByNcb':
      return { ...entry, by: fact.ncb.principalId, detail: fact.reason };
    case 'ProvenanceVerified':
      return { ...entry, detail: `${fact.classification}: ${fact.reason}` };
    case 'ProvenanceRejected':
      return { ...entry, detail: `${fact.reason.code}: ${fact.reason.text}` };
    case 'DirectContactPermitIssued':
      return { ...entry, detail: `permit ${fact.permitId} for ${fact.gsTeam} until ${fact.expiresAt}` };
    case 'DirectContactPermitRevoked':
      return { ...entry, detail: `permit ${fact.permitId}: ${fact.reason}` };
    case 'NcbDecisionSetAside':
      return { ...entry, detail: `${fact.recordType} set aside, now ${fact.status}: ${fact.reason.code}: ${fact.reason.text}` };
  }
}
