import { describe, expect, it } from '@jest/globals';
import { registryEventExamples, type RecordProvenance } from '@wildlife/contracts';
import { registryFactOf } from '@wildlife/service-kit';
import { REGISTRY_MESSAGE_KEY, registryOutboxMessage, registryPublicEventOf, subjectOf } from './registry-public-event.js';

describe('publishing a registry fact', () => {
  it.each(registryEventExamples.map((example) => [example.type, example] as const))(
    'builds %s exactly as its golden example, from the fact and the signed call',
    (_type, example) => {
      const fact = registryFactOf(example)!;
      const { provenance } = example.data as { provenance: RecordProvenance };

      const event = registryPublicEventOf({ fact, provenance }, example.id);

      const { traceparent: _traceparent, ...withoutTrace } = example;
      expect(event).toEqual(withoutTrace);
    },
  );

  it('names the principal the fact is about as its subject, and keys every fact alike, on the prefixed registry topic', () => {
    const example = registryEventExamples.find((event) => event.type === 'ncb-endorsement.KeyRotated.v1')!;
    const fact = registryFactOf(example)!;

    const message = registryOutboxMessage({ fact, provenance: (example.data as { provenance: RecordProvenance }).provenance }, example.id, 't1.');

    expect(subjectOf(fact)).toBe('fr-ofb');
    expect(message).toMatchObject({ messageId: example.id, topic: 't1.wildlife.registry.events', key: REGISTRY_MESSAGE_KEY, headers: { ce_subject: 'fr-ofb' } });
  });
});
