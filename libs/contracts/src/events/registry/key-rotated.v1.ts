import { defineContract } from '../../registry/event-contract.js';
import { principalId, record, timestamp } from '../../schema/schema-fragments.js';
import { topics } from '../../topics/topics.js';
import { provenanceSignedBy, recordDefs, type RecordProvenance } from '../shared/record-provenance.js';
import { keyId, registryPublicKey, type RegistryPublicKey } from './registry-fields.js';

/** A principal's key was replaced: `newKey` verifies from `at`; `retiredKeyId` verifies nothing observed at or after `at`. */
export interface KeyRotatedV1 {
  readonly principalId: string;
  readonly newKey: RegistryPublicKey;
  readonly retiredKeyId: string;
  readonly by: string;
  readonly at: string;
  readonly provenance: RecordProvenance;
}

export const keyRotatedV1 = defineContract<'ncb-endorsement.KeyRotated.v1', KeyRotatedV1>({
  type: 'ncb-endorsement.KeyRotated.v1',
  topic: topics.registryEvents.name,
  summary: "A principal's key was rotated out for a new one, by the authority in charge of its keys (its NCB or the GS).",
  schema: {
    ...record({
      principalId,
      newKey: registryPublicKey,
      retiredKeyId: keyId,
      by: principalId,
      at: timestamp,
      provenance: provenanceSignedBy('ncb', 'general-secretariat'),
    }),
    $defs: recordDefs,
  },
});
