import { accreditationReinstatedV1, type AccreditationReinstatedV1 } from './accreditation-reinstated.v1.js';
import { accreditationRevokedV1, type AccreditationRevokedV1 } from './accreditation-revoked.v1.js';
import { accreditationSuspendedV1, type AccreditationSuspendedV1 } from './accreditation-suspended.v1.js';
import { agencyAccreditedV1, type AgencyAccreditedV1 } from './agency-accredited.v1.js';
import { agencyRegisteredV1, type AgencyRegisteredV1 } from './agency-registered.v1.js';
import { auditorRegisteredV1, type AuditorRegisteredV1 } from './auditor-registered.v1.js';
import { externalSourceRegisteredV1, type ExternalSourceRegisteredV1 } from './external-source-registered.v1.js';
import { keyRevokedV1, type KeyRevokedV1 } from './key-revoked.v1.js';
import { keyRotatedV1, type KeyRotatedV1 } from './key-rotated.v1.js';

/**
 * One public event per registry fact, all on `wildlife.registry.events`. Each event's subject (its
 * Kafka key) is the principal the fact is about, so the facts about one principal keep their order;
 * that is the only order applying them needs.
 */
export const registryContracts = [
  agencyRegisteredV1,
  agencyAccreditedV1,
  accreditationSuspendedV1,
  accreditationReinstatedV1,
  accreditationRevokedV1,
  keyRotatedV1,
  keyRevokedV1,
  externalSourceRegisteredV1,
  auditorRegisteredV1,
] as const;

export type RegistryEventType = (typeof registryContracts)[number]['type'];

/** The data each registry event decodes to (its latest version). */
export interface DecodedRegistryEventData {
  'ncb-endorsement.AgencyRegistered.v1': AgencyRegisteredV1;
  'ncb-endorsement.AgencyAccredited.v1': AgencyAccreditedV1;
  'ncb-endorsement.AccreditationSuspended.v1': AccreditationSuspendedV1;
  'ncb-endorsement.AccreditationReinstated.v1': AccreditationReinstatedV1;
  'ncb-endorsement.AccreditationRevoked.v1': AccreditationRevokedV1;
  'ncb-endorsement.KeyRotated.v1': KeyRotatedV1;
  'ncb-endorsement.KeyRevoked.v1': KeyRevokedV1;
  'ncb-endorsement.ExternalSourceRegistered.v1': ExternalSourceRegisteredV1;
  'ncb-endorsement.AuditorRegistered.v1': AuditorRegisteredV1;
}
