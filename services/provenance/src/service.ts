import { topics } from '@wildlife/contracts';
import type { PrincipalDirectory, ServiceDefinition } from '@wildlife/service-kit';
import { ProvenanceModule } from './app.module.js';
import { SERVICE, type ProvenanceConfig } from './provenance.config.js';
import { RECORD_TOPICS } from './records/record-topics.js';

export function defineProvenance(settings: ProvenanceConfig, overrides: { principals?: PrincipalDirectory } = {}): ServiceDefinition<ProvenanceConfig> {
  return {
    name: SERVICE.name,
    settings,
    module: ProvenanceModule,
    description:
      'Classifies every signed record (official, pending NCB, external, rejected) from its signature and the registry at its time, ' +
      'appends each to an append-only RFC 6962 / RFC 9162 Merkle log with signed C2SP checkpoints, and serves auditors the entries and proofs.',
    eventSourcing: {
      migrations: [{ namespace: SERVICE.name, directory: new URL('../migrations/', import.meta.url) }],
      topics: [topics.provenanceEvents, topics.provenanceLog, ...RECORD_TOPICS],
    },
    ...(overrides.principals !== undefined && { principals: overrides.principals }),
  };
}
