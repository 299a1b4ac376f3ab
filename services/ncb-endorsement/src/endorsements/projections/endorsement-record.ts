import type { AgencyReference, SupportCapability } from '@wildlife/contracts';
import type { EndorsementEvent } from '../domain/endorsement.events.js';
import { replay, type EndorsementState } from '../domain/endorsement.state.js';

// The read models' rows as values, folded from a request's whole stream. The live write and the
// rebuild both go through `endorsementRecordOf`, so a rebuilt read model equals the live one.

/** One step of the request's history, in stream order; `version` is the stream version it led to. */
export interface EndorsementHistoryEntry {
  readonly version: number;
  readonly event: 'received' | 'acknowledged' | 'endorsed' | 'declined' | 'permit-issued' | 'permit-revoked' | 'rejected';
  readonly at: string;
  /** The principal who decided (an NCB), or who submitted (the agency). */
  readonly by?: string;
  readonly note?: string;
  readonly reason?: string;
  readonly permitId?: string;
  /** A rejection's code. */
  readonly code?: string;
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
}

export interface EndorsementRecords {
  readonly endorsement: EndorsementRecord;
  readonly permit?: PermitRecord;
}

/** The rows a request's stream (all of it, in order, at least one event) stands for. Pure. */
export function endorsementRecordOf(requestId: string, events: readonly EndorsementEvent[]): EndorsementRecords {
  const state = replay(events);
  const endorsement: EndorsementRecord = {
    requestId,
    status: state.status,
    version: state.version,
    ...(state.request && { agency: state.request.agency, submittedAt: state.request.submittedAt }),
    capabilities: state.request?.capabilities ?? [],
    ...(state.permit && { permitId: state.permit.permitId }),
    ...(state.rejection && { rejection: state.rejection }),
    history: events.map((event, index) => historyEntryOf(event, index + 1)),
  };
  const permit = permitRecordOf(requestId, events);
  return { endorsement, ...(permit && { permit }) };
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
  }
}

function permitRecordOf(requestId: string, events: readonly EndorsementEvent[]): PermitRecord | undefined {
  let permit: PermitRecord | undefined;
  for (const event of events) {
    if (event.type === 'DirectContactPermitIssued') {
      const { permitId, agency, gsTeam, issuedAt, expiresAt, issuedBy } = event;
      permit = { permitId, requestId, agency, gsTeam, issuedAt, expiresAt, issuedBy: issuedBy.principalId };
    } else if (event.type === 'DirectContactPermitRevoked' && permit?.permitId === event.permitId) {
      permit = { ...permit, revokedAt: event.at, revocationReason: event.reason, revokedBy: event.revokedBy.principalId };
    }
  }
  return permit;
}
