import type { CloudEvent, DecodedPublicEventData } from '@wildlife/contracts';
import type { SupportRequestObservedFact } from '../domain/support-request.events.js';

// What intake learns from the endorsement and provenance services, as facts about a request.

const SUBMISSION_RECORD_TYPE = 'request-intake.SupportRequestSubmitted.v1';

/**
 * A request id as this service names it: lower case, as it issues ids and as the GET path reads
 * them. The contracts' `uuid` format takes capitals too, and a fact naming a known request in
 * capitals would otherwise name a stream that does not exist and be dead-lettered.
 */
const requestIdOf = (id: string) => id.toLowerCase();

/**
 * The fact a public event tells about a support request, or undefined when it tells nothing about
 * one: another event type, or a provenance verdict on a record that is not a support-request
 * submission (external information, endorsements, ...). `event` is decoded and upcast already.
 * A provenance verdict names the request by the event's subject (the case id); its `recordId` is
 * returned beside it so the caller can check it is that request's submission. Request ids are
 * returned in lower case, however the event spelled them.
 */
export function observedFactOf(event: CloudEvent<unknown>): { fact: SupportRequestObservedFact; recordId?: string } | undefined {
  const sourceEventId = event.id;
  const data = event.data as DecodedPublicEventData[keyof DecodedPublicEventData];
  switch (event.type) {
    case 'ncb-endorsement.RequestAcknowledged.v1': {
      const d = data as DecodedPublicEventData['ncb-endorsement.RequestAcknowledged.v1'];
      return { fact: { type: 'RequestAcknowledgedByNcb', requestId: requestIdOf(d.requestId), at: d.acknowledgedAt, sourceEventId, ncb: d.ncb } };
    }
    case 'ncb-endorsement.RequestEndorsed.v1': {
      const d = data as DecodedPublicEventData['ncb-endorsement.RequestEndorsed.v1'];
      const fact = { type: 'RequestEndorsedByNcb', requestId: requestIdOf(d.requestId), at: d.endorsedAt, sourceEventId, ncb: d.ncb } as const;
      return { fact: d.note === undefined ? fact : { ...fact, note: d.note } };
    }
    case 'ncb-endorsement.RequestDeclined.v1': {
      const d = data as DecodedPublicEventData['ncb-endorsement.RequestDeclined.v1'];
      return { fact: { type: 'RequestDeclinedByNcb', requestId: requestIdOf(d.requestId), at: d.declinedAt, sourceEventId, ncb: d.ncb, reason: d.reason } };
    }
    case 'ncb-endorsement.DirectContactPermitIssued.v1': {
      const d = data as DecodedPublicEventData['ncb-endorsement.DirectContactPermitIssued.v1'];
      return {
        fact: { type: 'DirectContactPermitIssued', requestId: requestIdOf(d.requestId), at: d.issuedAt, sourceEventId, permitId: d.permitId, gsTeam: d.gsTeam, expiresAt: d.expiresAt },
      };
    }
    case 'ncb-endorsement.DirectContactPermitRevoked.v1': {
      const d = data as DecodedPublicEventData['ncb-endorsement.DirectContactPermitRevoked.v1'];
      return { fact: { type: 'DirectContactPermitRevoked', requestId: requestIdOf(d.requestId), at: d.revokedAt, sourceEventId, permitId: d.permitId, reason: d.reason } };
    }
    case 'ncb-endorsement.DecisionSetAside.v1': {
      const d = data as DecodedPublicEventData['ncb-endorsement.DecisionSetAside.v1'];
      const fact = { type: 'NcbDecisionSetAside', requestId: requestIdOf(d.requestId), at: d.setAsideAt, sourceEventId, recordType: d.recordType, reason: d.reason, status: d.status } as const;
      return { fact: d.voidedPermitId === undefined ? fact : { ...fact, voidedPermitId: d.voidedPermitId } };
    }
    case 'provenance.RecordVerified.v1': {
      const d = data as DecodedPublicEventData['provenance.RecordVerified.v1'];
      // A support request is signed by an agency or an NCB: an `external` verdict on one cannot be
      // a status of it, and is not recorded.
      if (d.recordType !== SUBMISSION_RECORD_TYPE || d.classification === 'external') return undefined;
      const fact = {
        type: 'ProvenanceVerified',
        requestId: requestIdOf(event.subject),
        at: d.verifiedAt,
        sourceEventId,
        classification: d.classification,
        reason: d.reason,
        logIndex: d.logIndex,
      } as const;
      return { fact, recordId: d.recordId };
    }
    case 'provenance.RecordRejected.v1': {
      const d = data as DecodedPublicEventData['provenance.RecordRejected.v1'];
      if (d.recordType !== SUBMISSION_RECORD_TYPE) return undefined;
      return { fact: { type: 'ProvenanceRejected', requestId: requestIdOf(event.subject), at: d.rejectedAt, sourceEventId, reason: d.reason }, recordId: d.recordId };
    }
    default:
      return undefined;
  }
}
