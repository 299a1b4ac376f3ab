import { defineContract } from '../../registry/event-contract.js';
import { record, text, timestamp } from '../../schema/schema-fragments.js';
import { topics } from '../../topics/topics.js';
import { agencyReference, ncbReference, requestId, type AgencyReference, type NcbReference } from '../shared/case-facts.js';
import { provenanceSignedBy, recordDefs, type RecordProvenance } from '../shared/record-provenance.js';

/** The agency's NCB endorsed ("aval") a support request, which opens direct contact (1.1, 1.2). */
export interface RequestEndorsedV1 {
  readonly requestId: string;
  readonly endorsedAt: string;
  readonly ncb: NcbReference;
  readonly requestingAgency: AgencyReference;
  readonly note?: string;
  readonly provenance: RecordProvenance;
}

export const requestEndorsedV1 = defineContract<'ncb-endorsement.RequestEndorsed.v1', RequestEndorsedV1>({
  type: 'ncb-endorsement.RequestEndorsed.v1',
  topic: topics.ncbEndorsementEvents.name,
  summary: "The requesting agency's NCB endorsed a support request; direct contact may now be set up.",
  schema: {
    ...record(
      {
        requestId,
        endorsedAt: timestamp,
        ncb: ncbReference,
        requestingAgency: agencyReference,
        note: text(1, 2000),
        provenance: provenanceSignedBy('ncb'),
      },
      ['note'],
    ),
    $defs: recordDefs,
  },
});
