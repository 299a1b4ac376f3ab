import type { CloudEvent } from '../envelope/cloud-event.js';
import { decisionSetAsideV1Example } from './ncb-endorsement/decision-set-aside.v1.example.js';
import { directContactPermitIssuedV1Example } from './ncb-endorsement/direct-contact-permit-issued.v1.example.js';
import { directContactPermitRevokedV1Example } from './ncb-endorsement/direct-contact-permit-revoked.v1.example.js';
import { requestAcknowledgedV1Example } from './ncb-endorsement/request-acknowledged.v1.example.js';
import { requestDeclinedV1Example } from './ncb-endorsement/request-declined.v1.example.js';
import { requestEndorsedV1Example } from './ncb-endorsement/request-endorsed.v1.example.js';
import { recordRejectedV1Example } from './provenance/record-rejected.v1.example.js';
import { recordVerifiedV1Example } from './provenance/record-verified.v1.example.js';
import { externalInformationReceivedV1Example } from './request-intake/external-information-received.v1.example.js';
import { supportRequestSubmittedV1Example } from './request-intake/support-request-submitted.v1.example.js';
import { registryEventExamples } from './registry/registry-examples.js';

export * from './registry/registry-examples.js';

export {
  decisionSetAsideV1Example,
  directContactPermitIssuedV1Example,
  directContactPermitRevokedV1Example,
  externalInformationReceivedV1Example,
  recordRejectedV1Example,
  recordVerifiedV1Example,
  requestAcknowledgedV1Example,
  requestDeclinedV1Example,
  requestEndorsedV1Example,
  supportRequestSubmittedV1Example,
};

/** One complete, valid event per public event type (the same as the golden fixtures), for tests. */
export const publicEventExamples: readonly CloudEvent[] = [
  supportRequestSubmittedV1Example,
  externalInformationReceivedV1Example,
  requestAcknowledgedV1Example,
  requestEndorsedV1Example,
  requestDeclinedV1Example,
  directContactPermitIssuedV1Example,
  directContactPermitRevokedV1Example,
  decisionSetAsideV1Example,
  recordVerifiedV1Example,
  recordRejectedV1Example,
  ...registryEventExamples,
];
