import type { ExternalInformationReceivedV1, Principal, SupportRequestSubmittedV1 } from '@wildlife/contracts';
import type { ExternalInformationEvent } from '../domain/external-information.events.js';
import type { SupportRequestEvent } from '../domain/support-request.events.js';
import { externalInformationReceivedV1Of } from './external-information.public-event.js';
import { publicPrincipalOf } from './record-provenance.js';
import { supportRequestSubmittedV1Of } from './support-request.public-event.js';

/**
 * A public event ready for the envelope (`createEvent`): its contract type, the case id for
 * `subject` (the Kafka key), the record's source principal (its signer) and the contract data.
 */
export type IntakePublicEvent =
  | {
      readonly type: 'request-intake.SupportRequestSubmitted.v1';
      readonly subject: string;
      readonly principal: Principal;
      readonly data: SupportRequestSubmittedV1;
    }
  | {
      readonly type: 'request-intake.ExternalInformationReceived.v1';
      readonly subject: string;
      readonly principal: Principal;
      readonly data: ExternalInformationReceivedV1;
    };

/**
 * The one bridge from intake's private stream events to its public contracts. Returns undefined for
 * the facts intake only observes (they were published by the services that decided them).
 * External information is keyed by the request it relates to, when it names one, so that it keeps
 * its order with that case; otherwise by its own id.
 */
export function toPublicEvent(event: SupportRequestEvent | ExternalInformationEvent): IntakePublicEvent | undefined {
  switch (event.type) {
    case 'SupportRequestSubmitted':
      return {
        type: 'request-intake.SupportRequestSubmitted.v1',
        subject: event.requestId,
        principal: publicPrincipalOf(event.submittedBy),
        data: supportRequestSubmittedV1Of(event),
      };
    case 'ExternalInformationReceived':
      return {
        type: 'request-intake.ExternalInformationReceived.v1',
        subject: event.relatedRequestId ?? event.informationId,
        principal: publicPrincipalOf(event.externalSource),
        data: externalInformationReceivedV1Of(event),
      };
    default:
      return undefined;
  }
}
