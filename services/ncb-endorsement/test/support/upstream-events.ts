import { randomUUID } from 'node:crypto';
import {
  recordRejectedV1Example,
  supportRequestSubmittedV1Example,
  topics,
  type CloudEvent,
  type RecordRejectedV1,
  type SupportRequestSubmittedV1,
} from '@wildlife/contracts';
import { createProducer, toKafkaMessage, type MessageProducer } from '@wildlife/messaging';
import type { Kafka } from 'kafkajs';

// What request intake and provenance would publish, built from the contracts' examples with fresh
// ids, and a producer that puts them on the service's prefixed topics as real CloudEvents.

/** Intake's SupportRequestSubmitted for a fresh request of the example's French agency. */
export function aSubmission(requestId: string = randomUUID()): CloudEvent<SupportRequestSubmittedV1> {
  const example = supportRequestSubmittedV1Example;
  return { ...example, id: randomUUID(), subject: requestId, correlationid: randomUUID(), data: { ...example.data, requestId } };
}

/** Provenance's RecordRejected of that record (a submission, or one of the NCB's decisions as published). */
export function aRejectionOf(record: CloudEvent<unknown>): CloudEvent<RecordRejectedV1> {
  const example = recordRejectedV1Example;
  return {
    ...example,
    id: randomUUID(),
    subject: record.subject!,
    correlationid: record.correlationid,
    causationid: record.id,
    data: {
      ...example.data,
      recordId: record.id,
      recordType: record.type,
      reason: { code: 'signature-invalid', text: 'The signature does not verify with the registered key.' },
    },
  };
}

export interface UpstreamProducer {
  publish(...events: CloudEvent[]): Promise<void>;
  stop(): Promise<void>;
}

/** Publishes events on `<prefix><their topic>`, in the order given (each keyed by its subject). */
export async function upstreamProducer(kafka: Kafka, prefix: string): Promise<UpstreamProducer> {
  const producer: MessageProducer = createProducer(kafka);
  await producer.connect();
  const topicOf = (type: string) => prefix + (type.startsWith('provenance.') ? topics.provenanceEvents.name : topics.requestIntakeEvents.name);
  return {
    async publish(...events) {
      await producer.sendBatch(events.map((event) => ({ topic: topicOf(event.type), ...toKafkaMessage(event) })));
    },
    stop: () => producer.disconnect(),
  };
}
