import { defineContract } from '../../registry/event-contract.js';
import { record, text, timestamp, uuid } from '../../schema/schema-fragments.js';
import { topics } from '../../topics/topics.js';
import { requestId } from '../shared/case-facts.js';
import { provenanceSignedBy, recordDefs, type RecordProvenance } from '../shared/record-provenance.js';

/** A direct-contact permit was withdrawn before it expired, by the NCB of the requesting agency's country. */
export interface DirectContactPermitRevokedV1 {
  /** `permitIdOf(requestId, endorsementRecordId)` of @wildlife/signatures: the permit id binds the two. */
  readonly permitId: string;
  readonly requestId: string;
  /** The id of the `RequestEndorsed` record that issued the permit. */
  readonly endorsementRecordId: string;
  readonly revokedAt: string;
  readonly reason: string;
  readonly provenance: RecordProvenance;
}

export const directContactPermitRevokedV1 = defineContract<
  'ncb-endorsement.DirectContactPermitRevoked.v1',
  DirectContactPermitRevokedV1
>({
  type: 'ncb-endorsement.DirectContactPermitRevoked.v1',
  topic: topics.ncbEndorsementEvents.name,
  summary: 'A direct-contact permit was revoked before its expiry; traffic goes through the NCB again.',
  schema: {
    ...record({
      permitId: uuid,
      requestId,
      endorsementRecordId: uuid,
      revokedAt: timestamp,
      reason: text(1, 2000),
      provenance: provenanceSignedBy('ncb', 'general-secretariat'),
    }),
    $defs: recordDefs,
  },
});
