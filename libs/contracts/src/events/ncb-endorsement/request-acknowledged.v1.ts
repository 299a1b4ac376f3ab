import { defineContract } from '../../registry/event-contract.js';
import { record, timestamp } from '../../schema/schema-fragments.js';
import { topics } from '../../topics/topics.js';
import { ncbReference, requestId, type NcbReference } from '../shared/case-facts.js';
import { provenanceSignedBy, recordDefs, type RecordProvenance } from '../shared/record-provenance.js';

/** The agency's NCB acknowledged receipt of a support request (notification 1.1). */
export interface RequestAcknowledgedV1 {
  readonly requestId: string;
  readonly acknowledgedAt: string;
  readonly ncb: NcbReference;
  readonly provenance: RecordProvenance;
}

export const requestAcknowledgedV1 = defineContract<'ncb-endorsement.RequestAcknowledged.v1', RequestAcknowledgedV1>({
  type: 'ncb-endorsement.RequestAcknowledged.v1',
  topic: topics.ncbEndorsementEvents.name,
  summary: "The requesting agency's NCB acknowledged receipt of a support request.",
  schema: {
    ...record({ requestId, acknowledgedAt: timestamp, ncb: ncbReference, provenance: provenanceSignedBy('ncb') }),
    $defs: recordDefs,
  },
});
