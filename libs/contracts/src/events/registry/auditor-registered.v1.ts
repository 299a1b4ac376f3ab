import { defineContract } from '../../registry/event-contract.js';
import { principalId, record, timestamp } from '../../schema/schema-fragments.js';
import { topics } from '../../topics/topics.js';
import { provenanceSignedBy, recordDefs, type RecordProvenance } from '../shared/record-provenance.js';
import { registeredId, registeredName, registryPublicKey, type RegistryPublicKey } from './registry-fields.js';

/** The General Secretariat registered an auditor with its first key. */
export interface AuditorRegisteredV1 {
  readonly auditorId: string;
  readonly name: string;
  readonly key: RegistryPublicKey;
  readonly by: string;
  readonly at: string;
  readonly provenance: RecordProvenance;
}

export const auditorRegisteredV1 = defineContract<'ncb-endorsement.AuditorRegistered.v1', AuditorRegisteredV1>({
  type: 'ncb-endorsement.AuditorRegistered.v1',
  topic: topics.registryEvents.name,
  summary: 'The General Secretariat registered an auditor with its first public key.',
  schema: {
    ...record({
      auditorId: registeredId,
      name: registeredName,
      key: registryPublicKey,
      by: principalId,
      at: timestamp,
      provenance: provenanceSignedBy('general-secretariat'),
    }),
    $defs: recordDefs,
  },
});
