import type {
  DecisionSetAsideV1,
  DirectContactPermitIssuedV1,
  DirectContactPermitRevokedV1,
  Principal,
  RequestAcknowledgedV1,
  RequestDeclinedV1,
  RequestEndorsedV1,
} from '@wildlife/contracts';
import type { EndorsementEvent } from '../domain/endorsement.events.js';
import { ncbPrincipalOf, signedByNcb } from './ncb-provenance.js';

interface Published<TType extends string, TData> {
  readonly type: TType;
  /** The request id: the case the event belongs to, and its Kafka key. */
  readonly subject: string;
  /** The record's source principal: the NCB that decided. */
  readonly principal: Principal;
  readonly data: TData;
}

/** A public event ready for the envelope (`createEvent`). */
export type EndorsementPublicEvent =
  | Published<'ncb-endorsement.RequestAcknowledged.v1', RequestAcknowledgedV1>
  | Published<'ncb-endorsement.RequestEndorsed.v1', RequestEndorsedV1>
  | Published<'ncb-endorsement.RequestDeclined.v1', RequestDeclinedV1>
  | Published<'ncb-endorsement.DirectContactPermitIssued.v1', DirectContactPermitIssuedV1>
  | Published<'ncb-endorsement.DirectContactPermitRevoked.v1', DirectContactPermitRevokedV1>
  | Published<'ncb-endorsement.DecisionSetAside.v1', DecisionSetAsideV1>;

/**
 * The one bridge from the endorsement's private stream events to its public contracts. Returns
 * undefined for the facts it only observes (intake's submission, provenance's rejection): they
 * were published by the services that decided them. A decision set aside is published, since it
 * changes where the request stands. Private notes on acknowledgements stay private.
 */
export function toPublicEvent(event: EndorsementEvent): EndorsementPublicEvent | undefined {
  switch (event.type) {
    case 'RequestAcknowledged':
      return {
        type: 'ncb-endorsement.RequestAcknowledged.v1',
        subject: event.requestId,
        principal: ncbPrincipalOf(event.ncb),
        data: { requestId: event.requestId, acknowledgedAt: event.at, ncb: event.ncb, provenance: signedByNcb(event.ncb, event.signatureMaterial) },
      };
    case 'RequestEndorsed':
      return {
        type: 'ncb-endorsement.RequestEndorsed.v1',
        subject: event.requestId,
        principal: ncbPrincipalOf(event.ncb),
        data: {
          requestId: event.requestId,
          endorsedAt: event.at,
          ncb: event.ncb,
          requestingAgency: event.agency,
          ...(event.note !== undefined && { note: event.note }),
          provenance: signedByNcb(event.ncb, event.signatureMaterial),
        },
      };
    case 'RequestDeclined':
      return {
        type: 'ncb-endorsement.RequestDeclined.v1',
        subject: event.requestId,
        principal: ncbPrincipalOf(event.ncb),
        data: {
          requestId: event.requestId,
          declinedAt: event.at,
          ncb: event.ncb,
          reason: event.reason,
          provenance: signedByNcb(event.ncb, event.signatureMaterial),
        },
      };
    case 'DirectContactPermitIssued':
      return {
        type: 'ncb-endorsement.DirectContactPermitIssued.v1',
        subject: event.requestId,
        principal: ncbPrincipalOf(event.issuedBy),
        data: {
          permitId: event.permitId,
          requestId: event.requestId,
          agency: event.agency,
          gsTeam: event.gsTeam,
          issuedAt: event.issuedAt,
          expiresAt: event.expiresAt,
        },
      };
    case 'DirectContactPermitRevoked':
      return {
        type: 'ncb-endorsement.DirectContactPermitRevoked.v1',
        subject: event.requestId,
        principal: ncbPrincipalOf(event.revokedBy),
        data: {
          permitId: event.permitId,
          requestId: event.requestId,
          endorsementRecordId: event.endorsementRecordId,
          revokedAt: event.at,
          reason: event.reason,
          provenance: signedByNcb(event.revokedBy, event.signatureMaterial),
        },
      };
    case 'DecisionSetAside':
      return {
        type: 'ncb-endorsement.DecisionSetAside.v1',
        subject: event.requestId,
        principal: ncbPrincipalOf(event.ncb),
        data: {
          requestId: event.requestId,
          recordId: event.recordId,
          recordType: event.recordType,
          reason: event.reason,
          setAsideAt: event.at,
          status: event.status,
          ...(event.voidedPermitId !== undefined && { voidedPermitId: event.voidedPermitId }),
        },
      };
    case 'RequestReceived':
    case 'ProvenanceRejected':
      return undefined;
  }
}
