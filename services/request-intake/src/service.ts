import { topics } from '@wildlife/contracts';
import type { PrincipalDirectory, ServiceDefinition } from '@wildlife/service-kit';
import { RequestIntakeModule } from './app.module.js';
import { SERVICE, type RequestIntakeConfig } from './request-intake.config.js';
import { REQUEST_BODY_LIMIT_BYTES, REQUEST_BODY_LIMIT_TEXT, REQUEST_BODY_NESTING_TEXT } from './support-requests/http/body-limit.js';
import { SupportRequestStatusReaction } from './support-requests/reactions/support-request-status.reaction.js';

const DESCRIPTION =
  'Request intake: national agencies (or their NCB on their behalf) submit support requests on wildlife-cybercrime cases, ' +
  'and registered external sources submit information, which is always flagged as external and never official. ' +
  'Every call is signed with RFC 9421 HTTP Message Signatures (Ed25519) by a registered principal. ' +
  `Request bodies are limited to ${REQUEST_BODY_LIMIT_TEXT}; larger ones get 413. A body may nest at most ${REQUEST_BODY_NESTING_TEXT}; ` +
  'a deeper one gets 400 (`validation-failed`, naming where) before anything else is checked. Every refusal is an RFC 9457 problem.';

/** The request-intake service. `overrides.principals` is where signed requests find their keys (tests pass their own). */
export function defineRequestIntake(
  settings: RequestIntakeConfig,
  overrides: { principals?: PrincipalDirectory } = {},
): ServiceDefinition<RequestIntakeConfig> {
  return {
    name: SERVICE.name,
    settings,
    module: RequestIntakeModule,
    bodyLimitBytes: REQUEST_BODY_LIMIT_BYTES,
    description: DESCRIPTION,
    eventSourcing: {
      migrations: [{ namespace: SERVICE.name, directory: new URL('../migrations/', import.meta.url) }],
      topics: [topics.requestIntakeEvents, topics.ncbEndorsementEvents, topics.provenanceEvents],
      reactions: [
        {
          name: 'support-request-status',
          topics: [topics.ncbEndorsementEvents.name, topics.provenanceEvents.name],
          handler: SupportRequestStatusReaction,
        },
      ],
    },
    principals: overrides.principals,
  };
}
