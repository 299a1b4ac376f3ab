import { defineContract } from '../../registry/event-contract.js';
import { principalId, record, setOf, timestamp } from '../../schema/schema-fragments.js';
import { topics } from '../../topics/topics.js';
import { SUPPORT_CAPABILITIES, type SupportCapability } from '../request-intake/support-request-submitted.v1.js';
import { provenanceSignedBy, recordDefs, type RecordProvenance } from '../shared/record-provenance.js';
import { registeredId } from './registry-fields.js';

/**
 * An NCB accredited one of its agencies for `scope`. It counts from the later of `validFrom` and `at`
 * until `validUntil` (exclusive), and replaces the agency's earlier accreditation from then on.
 */
export interface AgencyAccreditedV1 {
  readonly agencyId: string;
  readonly accreditationId: string;
  readonly scope: readonly SupportCapability[];
  readonly validFrom: string;
  readonly validUntil: string;
  readonly by: string;
  readonly at: string;
  readonly provenance: RecordProvenance;
}

export const agencyAccreditedV1 = defineContract<'ncb-endorsement.AgencyAccredited.v1', AgencyAccreditedV1>({
  type: 'ncb-endorsement.AgencyAccredited.v1',
  topic: topics.registryEvents.name,
  summary: 'An NCB accredited one of its agencies for a scope of support capabilities and a validity period.',
  schema: {
    ...record({
      agencyId: registeredId,
      accreditationId: registeredId,
      scope: setOf(SUPPORT_CAPABILITIES, 1),
      validFrom: timestamp,
      validUntil: timestamp,
      by: principalId,
      at: timestamp,
      provenance: provenanceSignedBy('ncb'),
    }),
    $defs: recordDefs,
  },
});
