import type { ExternalInformationReceivedV1 } from '@wildlife/contracts';
import type { ExternalInformationReceived } from '../domain/external-information.events.js';
import { recordProvenanceOf } from './record-provenance.js';

/** The public data of an external submission: flagged external, with the caveat, whatever consumers do. */
export function externalInformationReceivedV1Of(event: ExternalInformationReceived): ExternalInformationReceivedV1 {
  const { facts, externalSource } = event;
  return {
    informationId: event.informationId,
    receivedAt: event.receivedAt,
    external: event.external,
    caveat: event.caveat,
    externalSource: { principalId: externalSource.principalId, name: externalSource.name },
    summary: event.summary,
    ...(event.relatedRequestId !== undefined && { relatedRequestId: event.relatedRequestId }),
    species: facts.species,
    platforms: facts.platforms,
    countriesConcerned: facts.countriesConcerned,
    evidenceReferences: facts.evidenceReferences,
    provenance: recordProvenanceOf(externalSource, event.signatureMaterial),
  };
}
