import { topics } from '@wildlife/contracts';
import type { PrincipalDirectory, ServiceDefinition } from '@wildlife/service-kit';
import { NcbEndorsementModule } from './app.module.js';
import { endorsementReactions } from './endorsements/reactions/endorsement.reactions.js';
import { SERVICE, type NcbEndorsementConfig } from './ncb-endorsement.config.js';

export interface NcbEndorsementOverrides {
  /** Where signed requests find their keys (tests pass an in-memory one). */
  readonly principals?: PrincipalDirectory;
}

export function defineNcbEndorsement(settings: NcbEndorsementConfig, overrides: NcbEndorsementOverrides = {}): ServiceDefinition<NcbEndorsementConfig> {
  return {
    name: SERVICE.name,
    settings,
    module: NcbEndorsementModule,
    // NCB decisions are a few KiB. The signed body travels in the published provenance, whose
    // contract caps it at 512 KiB, so a larger body is refused (413) before anything is decided.
    bodyLimitBytes: 256 * 1024,
    description:
      'The NCB channel (CITES notification 2019/042, 1.1): the NCB of the requesting agency’s country acknowledges, endorses or declines its support requests, each a signed call; endorsement issues a direct-contact permit between the agency and the GS team, which the NCB can revoke.',
    eventSourcing: {
      migrations: [{ namespace: SERVICE.name, directory: new URL('../migrations/', import.meta.url) }],
      topics: [topics.ncbEndorsementEvents, topics.requestIntakeEvents, topics.provenanceEvents],
      reactions: [...endorsementReactions],
    },
    ...(overrides.principals && { principals: overrides.principals }),
  };
}
