import { describe, expect, it } from '@jest/globals';
import type { KafkaMessage } from 'kafkajs';
import { buildAsyncApiDocument } from '@wildlife/contracts';
import { deadLetterHeaders, deadLetterMessage } from './dead-letter.js';
import { PermanentMessageError } from './message-failure.js';

class SignatureIsInvalid extends PermanentMessageError {}

const context = { topic: 'wildlife.dlq.provenance', consumerGroup: 'provenance', failedAt: new Date('2026-05-06T07:08:09.010Z') };

function consumed(message: Partial<KafkaMessage>) {
  const base = { key: Buffer.from('case-7'), value: Buffer.from('{"a":1}'), offset: '41', timestamp: '0', attributes: 0, headers: {} };
  return { topic: 'wildlife.request-intake.events', partition: 2, message: { ...base, ...message } as KafkaMessage };
}

describe('a dead letter', () => {
  it('keeps the original key, value and headers, and says where it came from and why it failed', () => {
    const original = consumed({ headers: { ce_id: Buffer.from('e-1'), traceparent: Buffer.from('00-ab-cd-01') } });

    const letter = deadLetterMessage(original, new SignatureIsInvalid('signature does not verify'), context);

    expect(letter.topic).toBe('wildlife.dlq.provenance');
    expect(letter.key).toEqual(Buffer.from('case-7'));
    expect(letter.value).toEqual(Buffer.from('{"a":1}'));
    expect(letter.headers).toEqual({
      ce_id: Buffer.from('e-1'),
      traceparent: Buffer.from('00-ab-cd-01'),
      'dlq-original-topic': 'wildlife.request-intake.events',
      'dlq-original-partition': '2',
      'dlq-original-offset': '41',
      'dlq-original-key': Buffer.from('case-7'),
      'dlq-reason': 'SignatureIsInvalid',
      'dlq-detail': 'signature does not verify',
      'dlq-consumer-group': 'provenance',
      'dlq-failed-at': '2026-05-06T07:08:09.010Z',
    });
  });

  it('names the class of an error subclass that left `name` as "Error"', () => {
    class UnknownEventType extends Error {}

    const letter = deadLetterMessage(consumed({}), new UnknownEventType('no contract'), context);

    expect(letter.headers?.['dlq-reason']).toBe('UnknownEventType');
  });

  it('has no original-key header for a message without a key, even when dead-lettered a second time', () => {
    const original = consumed({ key: null, headers: { 'dlq-original-key': Buffer.from('stale') } });

    const letter = deadLetterMessage(original, new SignatureIsInvalid('x'), context);

    expect(letter.key).toBeNull();
    expect(letter.headers).not.toHaveProperty('dlq-original-key');
  });

  it('cuts a very long detail to two thousand characters', () => {
    const letter = deadLetterMessage(consumed({}), new SignatureIsInvalid('x'.repeat(5_000)), context);

    expect(letter.headers?.['dlq-detail']).toHaveLength(2_000);
  });

  it('carries exactly the dlq-* headers the AsyncAPI document lists', () => {
    const messages = (buildAsyncApiDocument().components as { messages: Record<string, { headers: { properties: object } }> }).messages;

    expect(Object.keys(messages.DeadLetter!.headers.properties).sort()).toEqual(Object.values(deadLetterHeaders).sort());
  });
});
