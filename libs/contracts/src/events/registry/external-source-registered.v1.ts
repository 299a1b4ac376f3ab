import { defineContract } from '../../registry/event-contract.js';
import { principalId, record, timestamp } from '../../schema/schema-fragments.js';
import { topics } from '../../topics/topics.js';
import { provenanceSignedBy, recordDefs, type RecordProvenance } from '../shared/record-provenance.js';
import { registeredId, registeredName, registryPublicKey, type RegistryPublicKey } from './registry-fields.js';

/** The General Secretariat registered an external source (never an official source) with its first key. */
export interface ExternalSourceRegisteredV1 {
  readonly sourceId: string;
  readonly name: string;
  readonly key: RegistryPublicKey;
  readonly by: string;
  readonly at: string;
  readonly provenance: RecordProvenance;
}

export const externalSourceRegisteredV1 = defineContract<'ncb-endorsement.ExternalSourceRegistered.v1', ExternalSourceRegisteredV1>({
  type: 'ncb-endorsement.ExternalSourceRegistered.v1',
  topic: topics.registryEvents.name,
  summary: 'The General Secretariat registered an external source (never official) with its first public key.',
  schema: {
    ...record({
      sourceId: registeredId,
      name: registeredName,
      key: registryPublicKey,
      by: principalId,
      at: timestamp,
      provenance: provenanceSignedBy('general-secretariat'),
    }),
    $defs: recordDefs,
  },
});
