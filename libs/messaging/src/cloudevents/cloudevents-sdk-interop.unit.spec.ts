import { describe, expect, it } from '@jest/globals';
import { publicEventExamples, supportRequestSubmittedV1Example } from '@wildlife/contracts';
import { CloudEvent as SdkCloudEvent, Kafka, type Message } from 'cloudevents';
import { fromKafkaMessage } from './from-kafka-message.js';
import { toKafkaMessage } from './to-kafka-message.js';

// Interoperability with the official CloudEvents SDK (cloudevents v10), in both directions.

describe('interoperating with the CloudEvents SDK over Kafka (binary mode)', () => {
  it.each(publicEventExamples.map((event) => [event.type, event] as const))(
    'lets the SDK read %s as we write it, with identical attributes and data',
    (_type, event) => {
      // given a message we wrote
      const message = toKafkaMessage(event);

      // when the SDK reads it
      const read = Kafka.toEvent({ ...message, body: message.value } as unknown as Message) as SdkCloudEvent<unknown>;

      // then every attribute and the data are ours; the SDK adds only the key, as partitionkey
      const { partitionkey, ...attributes } = plain(read);
      expect(attributes).toEqual(event);
      expect(partitionkey).toBe(event.subject);
    },
  );

  it('reads what the SDK writes', () => {
    // given an event the SDK wrote in binary mode
    const event = supportRequestSubmittedV1Example;
    const written = Kafka.binary(new SdkCloudEvent({ ...event, partitionkey: event.subject }));

    // when a Kafka client sends it and we receive it
    const received = fromKafkaMessage(onTheWire(written as unknown as SdkKafkaMessage));

    // then
    expect(received).toEqual(event);
  });

  it('reads what the SDK writes for an event with only the required attributes', () => {
    const { traceparent: _traceparent, causationid: _causationid, principalcountry: _country, ...bare } = publicEventExamples.find(
      (event) => event.type === 'provenance.RecordVerified.v1',
    )!;
    const written = Kafka.binary(new SdkCloudEvent({ ...bare, partitionkey: bare.subject }));

    expect(fromKafkaMessage(onTheWire(written as unknown as SdkKafkaMessage))).toEqual(bare);
  });
});

interface SdkKafkaMessage {
  key: string;
  value: unknown;
  headers: Record<string, unknown>;
}

/**
 * What a Kafka client puts on the wire from the SDK's message: the SDK leaves the value as the
 * data object and lists unset attributes as undefined headers; a client sends JSON bytes and only
 * the headers that have a value (kafkajs hands them over as Buffers).
 */
function onTheWire(message: SdkKafkaMessage) {
  return {
    key: Buffer.from(message.key),
    value: Buffer.from(typeof message.value === 'string' ? message.value : JSON.stringify(message.value)),
    headers: Object.fromEntries(
      Object.entries(message.headers)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => [name, Buffer.from(String(value))]),
    ),
  };
}

/** The SDK event's own enumerable properties, without those it leaves undefined. */
function plain(event: SdkCloudEvent<unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries({ ...event }).filter(([, value]) => value !== undefined));
}
