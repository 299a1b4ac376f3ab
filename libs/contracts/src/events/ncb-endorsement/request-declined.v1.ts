import { defineContract } from '../../registry/event-contract.js';
import { record, text, timestamp } from '../../schema/schema-fragments.js';
import { topics } from '../../topics/topics.js';
import { ncbReference, requestId, type NcbReference } from '../shared/case-facts.js';
import { provenanceSignedBy, recordDefs, type RecordProvenance } from '../shared/record-provenance.js';

/** The agency's NCB declined to endorse a support request, and said why. */
export interface RequestDeclinedV1 {
  readonly requestId: string;
  readonly declinedAt: string;
  readonly ncb: NcbReference;
  readonly reason: string;
  readonly provenance: RecordProvenance;
}

export const requestDeclinedV1 = defineContract<'ncb-endorsement.RequestDeclined.v1', RequestDeclinedV1>({
  type: 'ncb-endorsement.RequestDeclined.v1',
  topic: topics.ncbEndorsementEvents.name,
  summary: "The requesting agency's NCB declined to endorse a support request, with a reason.",
  schema: {
    ...record({
      requestId,
      declinedAt: timestamp,
      ncb: ncbReference,
      reason: text(1, 2000),
      provenance: provenanceSignedBy('ncb'),
    }),
    $defs: recordDefs,
  },
});
