import { defineContract } from '../../registry/event-contract.js';
import { principalId, record, timestamp } from '../../schema/schema-fragments.js';
import { topics } from '../../topics/topics.js';
import { provenanceSignedBy, recordDefs, type RecordProvenance } from '../shared/record-provenance.js';
import { note, registeredId } from './registry-fields.js';

/** The agency's NCB lifted a suspension: the accreditation counts again from `at`, within its validity. */
export interface AccreditationReinstatedV1 {
  readonly agencyId: string;
  readonly accreditationId: string;
  readonly note?: string;
  readonly by: string;
  readonly at: string;
  readonly provenance: RecordProvenance;
}

export const accreditationReinstatedV1 = defineContract<'ncb-endorsement.AccreditationReinstated.v1', AccreditationReinstatedV1>({
  type: 'ncb-endorsement.AccreditationReinstated.v1',
  topic: topics.registryEvents.name,
  summary: "An NCB reinstated an agency's suspended accreditation; it counts again within its validity.",
  schema: {
    ...record(
      {
        agencyId: registeredId,
        accreditationId: registeredId,
        note,
        by: principalId,
        at: timestamp,
        provenance: provenanceSignedBy('ncb'),
      },
      ['note'],
    ),
    $defs: recordDefs,
  },
});
