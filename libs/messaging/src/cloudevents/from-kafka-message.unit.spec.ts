import { describe, expect, it } from '@jest/globals';
import { publicEventExamples, requestAcknowledgedV1Example } from '@wildlife/contracts';
import type { KafkaMessage } from 'kafkajs';
import { fromKafkaMessage } from './from-kafka-message.js';
import type { IncomingKafkaMessage } from './kafka-message.js';
import { toKafkaMessage } from './to-kafka-message.js';
import {
  CloudEventAttributeIsInvalid,
  CloudEventAttributeIsMissing,
  CloudEventContentTypeIsUnsupported,
  CloudEventSpecVersionIsUnsupported,
  CloudEventValueHoldsUnstorableText,
  CloudEventValueIsNestedTooDeeply,
  CloudEventValueIsNotJson,
  UndecodableCloudEvent,
} from './undecodable-cloud-event.errors.js';

/** The message as kafkajs hands it to a consumer: key, value and every header as Buffers. */
function asReceived(message: { key: string; value: Buffer; headers: Record<string, string> }): IncomingKafkaMessage {
  return {
    key: Buffer.from(message.key),
    value: message.value,
    headers: Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, Buffer.from(value)])),
  };
}

// Compile-time: what a kafkajs consumer receives can be decoded as is.
const _acceptsKafkajsMessages = (message: KafkaMessage): IncomingKafkaMessage => message;

const sent = toKafkaMessage(requestAcknowledgedV1Example);
const withHeaders = (headers: IncomingKafkaMessage['headers']): IncomingKafkaMessage => ({
  ...sent,
  headers: { ...sent.headers, ...headers },
});
const everyExample = publicEventExamples.map((event) => [event.type, event] as const);

describe('decoding a Kafka message (binary mode) into an event', () => {
  it.each(everyExample)('reads back %s exactly as it was written', (_type, event) => {
    expect(fromKafkaMessage(asReceived(toKafkaMessage(event)))).toEqual(event);
  });

  it('accepts a JSON content type with parameters', () => {
    const message = withHeaders({ 'content-type': 'application/json; charset=utf-8' });

    expect(fromKafkaMessage(message).datacontenttype).toBe('application/json');
  });

  it('ignores ce_ headers that are not attributes of our envelope', () => {
    expect(fromKafkaMessage(withHeaders({ ce_partitionkey: 'k', ce_comexampleext: 'x' }))).toEqual(requestAcknowledgedV1Example);
  });

  it('accepts a header that occurs once in a list, as some clients deliver it', () => {
    expect(fromKafkaMessage(withHeaders({ ce_id: [Buffer.from(sent.headers.ce_id!)] })).id).toBe(requestAcknowledgedV1Example.id);
  });

  it.each([
    ['a value that is not JSON', { ...sent, value: Buffer.from('{"requestId": ') }],
    ['an empty value', { ...sent, value: Buffer.alloc(0) }],
    ['a null value (a tombstone)', { ...sent, value: null }],
    ['a value that is not UTF-8', { ...sent, value: Buffer.from([0x7b, 0xff, 0x7d]) }],
  ])('refuses %s as not JSON', (_case, message) => {
    expect(() => fromKafkaMessage(message)).toThrow(CloudEventValueIsNotJson);
  });

  it('refuses a message without required attributes, naming each', () => {
    const { ce_subject: _subject, ce_principalid: _principal, ...headers } = sent.headers;

    expect(caught(() => fromKafkaMessage({ ...sent, headers }))).toMatchObject({
      constructor: CloudEventAttributeIsMissing,
      attributes: ['subject', 'principalid'],
    });
  });

  it('refuses a message without any CloudEvents headers', () => {
    expect(() => fromKafkaMessage({ key: null, value: sent.value })).toThrow(CloudEventAttributeIsMissing);
  });

  it('refuses a specversion other than 1.0', () => {
    expect(() => fromKafkaMessage(withHeaders({ ce_specversion: '0.3' }))).toThrow(CloudEventSpecVersionIsUnsupported);
  });

  it('refuses data that is not JSON by its content type', () => {
    expect(() => fromKafkaMessage(withHeaders({ 'content-type': 'application/xml' }))).toThrow(CloudEventContentTypeIsUnsupported);
  });

  it.each([
    ['a time that is not RFC 3339', { ce_time: 'yesterday' }],
    ['an unknown principal kind', { ce_principalkind: 'journalist' }],
    ['a malformed event type', { ce_type: 'SupportRequestSubmitted' }],
    ['a header given twice', { ce_id: ['a', 'b'] }],
    ['a header that is not UTF-8', { ce_subject: Buffer.from([0xc3, 0x28]) }],
    ['an id holding U+0000 (no record can store it)', { ce_id: Buffer.from('b5e6\u0000c9') }],
  ])('refuses %s as an invalid attribute', (_case, headers) => {
    expect(() => fromKafkaMessage(withHeaders(headers))).toThrow(CloudEventAttributeIsInvalid);
  });

  it.each([
    ['U+0000 in a string', { ...requestAcknowledgedV1Example.data, note: 'seen\u0000' }, '/note'],
    ['U+0000 deep in an array', { ...requestAcknowledgedV1Example.data, extra: [{ a: 'ok' }, { b: ['x', '\u0000'] }] }, '/extra/1/b/1'],
    ['U+0000 in a member name', { ...requestAcknowledgedV1Example.data, ['k\u0000']: 1 }, '/k\u0000'],
    ['half of a surrogate pair in a string', { ...requestAcknowledgedV1Example.data, note: 'rhino \uD83E' }, '/note'],
  ])('refuses a value holding %s, naming where', (_case, data, pointer) => {
    const message = { ...sent, value: Buffer.from(JSON.stringify(data)) };

    expect(caught(() => fromKafkaMessage(message))).toMatchObject({ constructor: CloudEventValueHoldsUnstorableText, pointer, permanent: true });
  });

  it('refuses, for good, a value nesting arrays deeper than 64, naming where, even one that also spells a U+0000', () => {
    // 100,000 arrays deep (200 KB): the search for unstorable text, which such an escape sets off,
    // used to overflow the stack, a RangeError retried for ever
    const text = `{"note":"\\u0000","deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;

    expect(caught(() => fromKafkaMessage({ ...sent, value: Buffer.from(text) }))).toMatchObject({
      constructor: CloudEventValueIsNestedTooDeeply,
      pointer: `/deep${'/0'.repeat(63)}`,
      permanent: true,
    });
  });

  it('takes a value nested 64 deep', () => {
    const data = { ...requestAcknowledgedV1Example.data, deep: JSON.parse(`${'['.repeat(63)}${']'.repeat(63)}`) as unknown };

    expect(fromKafkaMessage({ ...sent, value: Buffer.from(JSON.stringify(data)) }).data).toEqual(data);
  });

  it('accepts a whole surrogate pair (an emoji) as it is', () => {
    const data = { ...requestAcknowledgedV1Example.data, note: 'rhino 🦏' };

    expect(fromKafkaMessage({ ...sent, value: Buffer.from(JSON.stringify(data)) }).data).toEqual(data);
  });

  it('accepts a backslash followed by u0000 as the six characters they are', () => {
    const data = { ...requestAcknowledgedV1Example.data, note: 'a literal \\u0000, escaped' };

    expect(fromKafkaMessage({ ...sent, value: Buffer.from(JSON.stringify(data)) }).data).toEqual(data);
  });

  it('marks every decoding error as permanent, for the dead-letter path', () => {
    const failure = caught(() => fromKafkaMessage(withHeaders({ ce_specversion: '2.0' })));

    expect(failure).toBeInstanceOf(UndecodableCloudEvent);
    expect(failure).toMatchObject({ permanent: true, name: 'CloudEventSpecVersionIsUnsupported' });
  });
});

function caught(attempt: () => unknown): unknown {
  try {
    attempt();
  } catch (error) {
    return error;
  }
  throw new Error('expected the attempt to throw');
}
