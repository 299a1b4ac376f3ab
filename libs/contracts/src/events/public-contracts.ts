import { ContractRegistry } from '../registry/contract-registry.js';
import { decisionSetAsideV1, type DecisionSetAsideV1 } from './ncb-endorsement/decision-set-aside.v1.js';
import { directContactPermitIssuedV1, type DirectContactPermitIssuedV1 } from './ncb-endorsement/direct-contact-permit-issued.v1.js';
import { directContactPermitRevokedV1, type DirectContactPermitRevokedV1 } from './ncb-endorsement/direct-contact-permit-revoked.v1.js';
import { requestAcknowledgedV1, type RequestAcknowledgedV1 } from './ncb-endorsement/request-acknowledged.v1.js';
import { requestDeclinedV1, type RequestDeclinedV1 } from './ncb-endorsement/request-declined.v1.js';
import { requestEndorsedV1, type RequestEndorsedV1 } from './ncb-endorsement/request-endorsed.v1.js';
import { recordRejectedV1, type RecordRejectedV1 } from './provenance/record-rejected.v1.js';
import { recordVerifiedV1, type RecordVerifiedV1 } from './provenance/record-verified.v1.js';
import { externalInformationReceivedV1, type ExternalInformationReceivedV1 } from './request-intake/external-information-received.v1.js';
import { supportRequestSubmittedV1, type SupportRequestSubmittedV1 } from './request-intake/support-request-submitted.v1.js';
import { registryContracts, type DecodedRegistryEventData } from './registry/registry-contracts.js';

/** Every public event contract, every version. A version, once published, is never removed. */
export const publicContracts = [
  supportRequestSubmittedV1,
  externalInformationReceivedV1,
  requestAcknowledgedV1,
  requestEndorsedV1,
  requestDeclinedV1,
  directContactPermitIssuedV1,
  directContactPermitRevokedV1,
  decisionSetAsideV1,
  recordVerifiedV1,
  recordRejectedV1,
  ...registryContracts,
] as const;

export type PublicEventType = (typeof publicContracts)[number]['type'];

/**
 * For each public event type, the data `contracts.decode` returns: that of the event's latest
 * version. When a v2 is added, point the v1 entry at the v2 data type and add the v2 entry.
 */
export interface DecodedPublicEventData extends DecodedRegistryEventData {
  'request-intake.SupportRequestSubmitted.v1': SupportRequestSubmittedV1;
  'request-intake.ExternalInformationReceived.v1': ExternalInformationReceivedV1;
  'ncb-endorsement.RequestAcknowledged.v1': RequestAcknowledgedV1;
  'ncb-endorsement.RequestEndorsed.v1': RequestEndorsedV1;
  'ncb-endorsement.RequestDeclined.v1': RequestDeclinedV1;
  'ncb-endorsement.DirectContactPermitIssued.v1': DirectContactPermitIssuedV1;
  'ncb-endorsement.DirectContactPermitRevoked.v1': DirectContactPermitRevokedV1;
  'ncb-endorsement.DecisionSetAside.v1': DecisionSetAsideV1;
  'provenance.RecordVerified.v1': RecordVerifiedV1;
  'provenance.RecordRejected.v1': RecordRejectedV1;
}

/** The registry of every public event, for producers and consumers alike. */
export const contracts = new ContractRegistry<DecodedPublicEventData>(publicContracts);
