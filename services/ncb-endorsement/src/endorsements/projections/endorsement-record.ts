import type { AgencyReference, SupportCapability } from '@wildlife/contracts';
import type { EndorsementEvent } from '../domain/endorsement.events.js';
import { evolve, initialEndorsementState, rejectsRequest, type EndorsementState } from '../domain/endorsement.state.js';

// The read models' rows as values, folded from a request's whole stream. The live write and the
// rebuild both go through `endorsementRecordOf`, so a rebuilt read model equals the live one.

/** One step of the request's history, in stream order; `version` is the stream version it led to. */
export interface EndorsementHistoryEntry {
  readonly version: number;
  readonly event: 'received' | 'acknowledged' | 'endorsed' | 'declined' | 'permit-issued' | 'permit-revoked' | 'rejected' | 'set-aside';
  readonly at: string;
  /** The principal who decided (an NCB), or who submitted (the agency). */
  readonly by?: string;
  readonly note?: string;
  readonly reason?: string;
  readonly permitId?: string;
  /** A rejection's code (of the request, or of the record of a decision set aside). */
  readonly code?: string;
  /** For `set-aside`: the version of the history entry of the decision that no longer counts. */
  readonly decisionVersion?: number;
}

/** A row of `endorsements`. */
export interface EndorsementRecord {
  readonly requestId: string;
  readonly status: EndorsementState['status'];
  readonly version: number;
  /** Absent while the submission has not been received (a rejection was read first). */
  readonly agency?: AgencyReference;
  readonly submittedAt?: string;
  readonly capabilities: readonly SupportCapability[];
  readonly permitId?: string;
  readonly rejection?: { readonly at: string; readonly code: string; readonly text: string };
  readonly history: readonly EndorsementHistoryEntry[];
}

/** A row of `permits`. */
export interface PermitRecord {
  readonly permitId: string;
  readonly requestId: string;
  readonly agency: AgencyReference;
  readonly gsTeam: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
  /** The endorsing NCB's principal id. */
  readonly issuedBy: string;
  readonly revokedAt?: string;
  readonly revocationReason?: string;
  readonly revokedBy?: string;
  /** When and why the permit stopped counting before it was revoked or expired (see `voidPermit` in the state). */
  readonly voidedAt?: string;
  readonly voidReason?: string;
}

export interface EndorsementRecords {
  readonly endorsement: EndorsementRecord;
  /** Every permit issued for the request, in issue order; the last is the endorsement's `permitId`. */
  readonly permits: readonly PermitRecord[];
}

/** The permit the request's row points to: the last one issued. */
export function currentPermitOf({ endorsement, permits }: EndorsementRecords): PermitRecord | undefined {
  return permits.find((permit) => permit.permitId === endorsement.permitId);
}

/** The rows a request's stream (all of it, in order, at least one event) stands for. Pure. */
export function endorsementRecordOf(requestId: string, events: readonly EndorsementEvent[]): EndorsementRecords {
  const { state, permits } = foldWithPermits(requestId, events);
  const endorsement: EndorsementRecord = {
    requestId,
    status: state.status,
    version: state.version,
    ...(state.request && { agency: state.request.agency, submittedAt: state.request.submittedAt }),
    capabilities: state.request?.capabilities ?? [],
    ...(state.permit && { permitId: state.permit.permitId }),
    ...(state.rejection && { rejection: state.rejection }),
    history: events.flatMap((event, index) => (isPartOfHistory(event, state) ? [historyEntryOf(event, index + 1)] : [])),
  };
  return { endorsement, permits };
}

/**
 * Every event is a step of the history but a rejection read before the request that turned out to
 * name another record than the request's own (it never counted).
 */
function isPartOfHistory(event: EndorsementEvent, state: EndorsementState): boolean {
  return event.type !== 'ProvenanceRejected' || state.request === undefined || rejectsRequest(event.recordId, state.request);
}

function historyEntryOf(event: EndorsementEvent, version: number): EndorsementHistoryEntry {
  switch (event.type) {
    case 'RequestReceived':
      return { version, event: 'received', at: event.submittedAt, by: event.agency.principalId };
    case 'RequestAcknowledged':
      return { version, event: 'acknowledged', at: event.at, by: event.ncb.principalId, ...(event.note !== undefined && { note: event.note }) };
    case 'RequestEndorsed':
      return { version, event: 'endorsed', at: event.at, by: event.ncb.principalId, ...(event.note !== undefined && { note: event.note }) };
    case 'RequestDeclined':
      return { version, event: 'declined', at: event.at, by: event.ncb.principalId, reason: event.reason };
    case 'DirectContactPermitIssued':
      return { version, event: 'permit-issued', at: event.issuedAt, by: event.issuedBy.principalId, permitId: event.permitId };
    case 'DirectContactPermitRevoked':
      return { version, event: 'permit-revoked', at: event.at, by: event.revokedBy.principalId, permitId: event.permitId, reason: event.reason };
    case 'ProvenanceRejected':
      return { version, event: 'rejected', at: event.at, code: event.reason.code, reason: event.reason.text };
    case 'DecisionSetAside':
      return { version, event: 'set-aside', at: event.at, code: event.reason.code, reason: event.reason.text, decisionVersion: event.decisionVersion };
  }
}

/**
 * The stream's state, folded once, and its permits, with their revocation or voiding as the state
 * holds them after each event.
 */
function foldWithPermits(requestId: string, events: readonly EndorsementEvent[]): { state: EndorsementState; permits: PermitRecord[] } {
  const permits = new Map<string, PermitRecord>();
  let state = initialEndorsementState;
  for (const event of events) {
    state = evolve(state, event);
    if (event.type === 'DirectContactPermitIssued') {
      const { permitId, agency, gsTeam, issuedAt, expiresAt, issuedBy } = event;
      permits.set(permitId, { permitId, requestId, agency, gsTeam, issuedAt, expiresAt, issuedBy: issuedBy.principalId });
    }
    const held = state.permit;
    const permit = held && permits.get(held.permitId);
    if (permit === undefined || held === undefined) continue;
    permits.set(permit.permitId, {
      ...permit,
      ...(held.revokedAt !== undefined && { revokedAt: held.revokedAt, revocationReason: held.revocationReason }),
      ...(event.type === 'DirectContactPermitRevoked' && event.permitId === permit.permitId && { revokedBy: event.revokedBy.principalId }),
      ...(held.voidedAt !== undefined && { voidedAt: held.voidedAt, voidReason: held.voidReason }),
    });
  }
  return { state, permits: [...permits.values()] };
}
