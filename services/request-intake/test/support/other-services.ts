import { randomUUID } from 'node:crypto';
import {
  decisionSetAsideV1Example,
  directContactPermitIssuedV1Example,
  directContactPermitRevokedV1Example,
  recordRejectedV1Example,
  recordVerifiedV1Example,
  requestAcknowledgedV1Example,
  requestDeclinedV1Example,
  requestEndorsedV1Example,
  topics,
  type CloudEvent,
} from '@wildlife/contracts';
import { createProducer, toKafkaMessage, type MessageProducer } from '@wildlife/messaging';
import { eventually } from '@wildlife/testing';
import type { Kafka } from 'kafkajs';

// The endorsement and provenance services as intake sees them: real CloudEvents on their prefixed
// topics, built from the contracts' golden examples with a fresh id and the request they are about.

function about<T extends object>(example: CloudEvent<T>, requestId: string, data: Partial<T> = {}): CloudEvent<T> {
  return { ...example, id: randomUUID(), subject: requestId, time: new Date().toISOString(), data: { ...example.data, ...data } };
}

export const endorsementEvents = {
  acknowledged: (requestId: string) => about(requestAcknowledgedV1Example, requestId, { requestId }),
  endorsed: (requestId: string) => about(requestEndorsedV1Example, requestId, { requestId }),
  declined: (requestId: string, reason = 'A national investigation already covers this case.') => about(requestDeclinedV1Example, requestId, { requestId, reason }),
  permitIssued: (requestId: string, permitId: string) => about(directContactPermitIssuedV1Example, requestId, { requestId, permitId }),
  permitRevoked: (requestId: string, permitId: string) => about(directContactPermitRevokedV1Example, requestId, { requestId, permitId }),
  endorsementSetAside: (requestId: string, voidedPermitId: string) => about(decisionSetAsideV1Example, requestId, { requestId, voidedPermitId, status: 'acknowledged' }),
};

export const provenanceEvents = {
  verified: (requestId: string, recordId: string, classification: 'official' | 'pending-ncb' | 'external' = 'official', recordType = 'request-intake.SupportRequestSubmitted.v1') =>
    about(recordVerifiedV1Example, requestId, { recordId, classification, recordType }),
  rejected: (requestId: string, recordId: string) => about(recordRejectedV1Example, requestId, { recordId, recordType: 'request-intake.SupportRequestSubmitted.v1' }),
};

/** Publishes as the other services would, once the topics exist (the service creates them at start). */
export class OtherServices {
  private readonly producer: MessageProducer;
  private connected: Promise<void> | undefined;

  constructor(
    kafka: Kafka,
    private readonly topicPrefix: string,
  ) {
    this.producer = createProducer(kafka);
  }

  async publish(event: CloudEvent): Promise<void> {
    const topic = this.topicPrefix + (event.type.startsWith('provenance.') ? topics.provenanceEvents.name : topics.ncbEndorsementEvents.name);
    this.connected ??= this.producer.connect();
    await this.connected;
    await eventually(`${event.type} is sent to ${topic}`, () => this.producer.sendBatch([{ topic, ...toKafkaMessage(event) }]).then(() => true, () => undefined), { timeoutMs: 30_000, pollMs: 200 });
  }

  async stop(): Promise<void> {
    await this.producer.disconnect();
  }
}
