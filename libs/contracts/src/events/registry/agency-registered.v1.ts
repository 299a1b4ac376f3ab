import { defineContract } from '../../registry/event-contract.js';
import { countryCode, principalId, record, timestamp } from '../../schema/schema-fragments.js';
import { topics } from '../../topics/topics.js';
import { provenanceSignedBy, recordDefs, type RecordProvenance } from '../shared/record-provenance.js';
import { registeredId, registeredName, registryPublicKey, type RegistryPublicKey } from './registry-fields.js';

/** An NCB registered a national agency of its own country, with the agency's first key (valid from `at`). */
export interface AgencyRegisteredV1 {
  readonly agencyId: string;
  readonly country: string;
  readonly name: string;
  readonly key: RegistryPublicKey;
  /** The NCB whose signed command registered the agency. */
  readonly registeredBy: string;
  readonly at: string;
  readonly provenance: RecordProvenance;
}

export const agencyRegisteredV1 = defineContract<'ncb-endorsement.AgencyRegistered.v1', AgencyRegisteredV1>({
  type: 'ncb-endorsement.AgencyRegistered.v1',
  topic: topics.registryEvents.name,
  summary: "An NCB registered a national agency of its own country with the agency's first public key.",
  schema: {
    ...record({
      agencyId: registeredId,
      country: countryCode,
      name: registeredName,
      key: registryPublicKey,
      registeredBy: principalId,
      at: timestamp,
      provenance: provenanceSignedBy('ncb'),
    }),
    $defs: recordDefs,
  },
});
