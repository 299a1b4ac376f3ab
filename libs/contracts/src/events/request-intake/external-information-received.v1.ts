import { defineContract } from '../../registry/event-contract.js';
import { principalId, record, text, timestamp, uuid } from '../../schema/schema-fragments.js';
import { topics } from '../../topics/topics.js';
import {
  countriesConcerned,
  evidenceReferences,
  platforms,
  species,
  type EvidenceReference,
  type PlatformConcerned,
  type SpeciesConcerned,
} from '../shared/case-facts.js';
import { provenanceSignedBy, recordDefs, type RecordProvenance } from '../shared/record-provenance.js';

/** The caveat that travels with external information wherever it goes (notification 2.1). */
export const EXTERNAL_INFORMATION_CAVEAT =
  'Information from an external source: INTERPOL is not its source and has not independently verified it.';

/** Information from civil society, an NGO or another non-law-enforcement body: never official. */
export interface ExternalInformationReceivedV1 {
  readonly informationId: string;
  readonly receivedAt: string;
  readonly external: true;
  readonly caveat: typeof EXTERNAL_INFORMATION_CAVEAT;
  readonly externalSource: { readonly principalId: string; readonly name: string };
  readonly summary: string;
  /** The support request it relates to, when the source named one. */
  readonly relatedRequestId?: string;
  readonly species: readonly SpeciesConcerned[];
  readonly platforms: readonly PlatformConcerned[];
  readonly countriesConcerned: readonly string[];
  readonly evidenceReferences: readonly EvidenceReference[];
  readonly provenance: RecordProvenance;
}

export const externalInformationReceivedV1 = defineContract<
  'request-intake.ExternalInformationReceived.v1',
  ExternalInformationReceivedV1
>({
  type: 'request-intake.ExternalInformationReceived.v1',
  topic: topics.requestIntakeEvents.name,
  summary: 'An external source sent information; it is flagged as external and carries the caveat.',
  schema: {
    ...record(
      {
        informationId: uuid,
        receivedAt: timestamp,
        external: { const: true },
        caveat: { const: EXTERNAL_INFORMATION_CAVEAT },
        externalSource: record({ principalId, name: text(1, 200) }),
        summary: text(1, 10_000),
        relatedRequestId: uuid,
        species,
        platforms,
        countriesConcerned: countriesConcerned(0),
        evidenceReferences,
        provenance: provenanceSignedBy('external-source'),
      },
      ['relatedRequestId'],
    ),
    $defs: recordDefs,
  },
});
