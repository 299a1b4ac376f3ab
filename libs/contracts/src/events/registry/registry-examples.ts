import type { CloudEvent } from '../../envelope/cloud-event.js';
import { accreditationReinstatedV1Example } from './accreditation-reinstated.v1.example.js';
import { accreditationRevokedV1Example } from './accreditation-revoked.v1.example.js';
import { accreditationSuspendedV1Example } from './accreditation-suspended.v1.example.js';
import { agencyAccreditedV1Example } from './agency-accredited.v1.example.js';
import { agencyRegisteredV1Example } from './agency-registered.v1.example.js';
import { auditorRegisteredV1Example } from './auditor-registered.v1.example.js';
import { externalSourceRegisteredV1Example } from './external-source-registered.v1.example.js';
import { keyRevokedV1Example } from './key-revoked.v1.example.js';
import { keyRotatedV1Example } from './key-rotated.v1.example.js';

export {
  accreditationReinstatedV1Example,
  accreditationRevokedV1Example,
  accreditationSuspendedV1Example,
  agencyAccreditedV1Example,
  agencyRegisteredV1Example,
  auditorRegisteredV1Example,
  externalSourceRegisteredV1Example,
  keyRevokedV1Example,
  keyRotatedV1Example,
};

/** One complete, valid event per registry event type, in the order the facts of one agency's life happen. */
export const registryEventExamples: readonly CloudEvent[] = [
  agencyRegisteredV1Example,
  agencyAccreditedV1Example,
  accreditationSuspendedV1Example,
  accreditationReinstatedV1Example,
  accreditationRevokedV1Example,
  keyRotatedV1Example,
  keyRevokedV1Example,
  externalSourceRegisteredV1Example,
  auditorRegisteredV1Example,
];
