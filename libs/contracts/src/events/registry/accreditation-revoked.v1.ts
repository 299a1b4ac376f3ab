import { defineContract } from '../../registry/event-contract.js';
import { principalId, record, timestamp } from '../../schema/schema-fragments.js';
import { topics } from '../../topics/topics.js';
import { provenanceSignedBy, recordDefs, type RecordProvenance } from '../shared/record-provenance.js';
import { reason, registeredId } from './registry-fields.js';

/** The agency's NCB revoked its accreditation for good: it never counts again from `at`; what it covered before stands. */
export interface AccreditationRevokedV1 {
  readonly agencyId: string;
  readonly accreditationId: string;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
  readonly provenance: RecordProvenance;
}

export const accreditationRevokedV1 = defineContract<'ncb-endorsement.AccreditationRevoked.v1', AccreditationRevokedV1>({
  type: 'ncb-endorsement.AccreditationRevoked.v1',
  topic: topics.registryEvents.name,
  summary: "An NCB revoked an agency's accreditation for good, with a reason.",
  schema: {
    ...record({
      agencyId: registeredId,
      accreditationId: registeredId,
      reason,
      by: principalId,
      at: timestamp,
      provenance: provenanceSignedBy('ncb'),
    }),
    $defs: recordDefs,
  },
});
