import { defineContract } from '../../registry/event-contract.js';
import { principalId, record, timestamp } from '../../schema/schema-fragments.js';
import { topics } from '../../topics/topics.js';
import { provenanceSignedBy, recordDefs, type RecordProvenance } from '../shared/record-provenance.js';
import { reason, registeredId } from './registry-fields.js';

/** The agency's NCB suspended its accreditation: it stops counting from `at` until reinstated. */
export interface AccreditationSuspendedV1 {
  readonly agencyId: string;
  readonly accreditationId: string;
  readonly reason: string;
  readonly by: string;
  readonly at: string;
  readonly provenance: RecordProvenance;
}

export const accreditationSuspendedV1 = defineContract<'ncb-endorsement.AccreditationSuspended.v1', AccreditationSuspendedV1>({
  type: 'ncb-endorsement.AccreditationSuspended.v1',
  topic: topics.registryEvents.name,
  summary: "An NCB suspended an agency's accreditation, with a reason; it stops counting until reinstated.",
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
