import { createEvent, externalInformationReceivedV1, supportRequestSubmittedV1, type CloudEvent } from '@wildlife/contracts';
import type { IntakePublicEvent } from './to-public-event.js';

/** The CloudEvents `source` of everything request intake publishes. */
export const INTAKE_EVENT_SOURCE = '/wildlife/request-intake';

export interface IntakeEnvelope {
  /** The id of the stream event it publishes, so a retried append publishes the very same event. */
  readonly id: string;
  readonly time: string;
  readonly correlationId: string;
  readonly causationId?: string;
}

/**
 * The public CloudEvent of a stream event, validated against its contract (createEvent throws
 * EventSchemaViolation otherwise), its principal attributes naming the record's signer.
 */
export function intakeCloudEventOf(published: IntakePublicEvent, envelope: IntakeEnvelope): CloudEvent {
  const attributes = { ...envelope, source: INTAKE_EVENT_SOURCE, subject: published.subject, principal: published.principal };
  switch (published.type) {
    case 'request-intake.SupportRequestSubmitted.v1':
      return createEvent(supportRequestSubmittedV1, published.data, attributes);
    case 'request-intake.ExternalInformationReceived.v1':
      return createEvent(externalInformationReceivedV1, published.data, attributes);
  }
}
