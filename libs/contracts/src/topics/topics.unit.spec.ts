import { describe, expect, it } from '@jest/globals';
import {
  ConsumerGroupCannotNameATopic,
  CountryCodeIsInvalid,
  deadLetterTopic,
  deadLetterTopicDefinition,
  ncbTopic,
  ncbTopicDefinition,
} from './topic-names.js';
import { staticTopics, topics } from './topics.js';

describe('the topic registry', () => {
  it('names the inbox of an NCB after its country code, in lower case', () => {
    expect(ncbTopic('KE')).toBe('wildlife.ncb.ke.inbox');
    expect(ncbTopicDefinition('fr')).toMatchObject({ name: 'wildlife.ncb.fr.inbox', partitions: 3 });
  });

  it.each(['FRA', 'F', '1A', 'f-', ''])('refuses "%s" as a country code', (code) => {
    expect(() => ncbTopic(code)).toThrow(CountryCodeIsInvalid);
  });

  it('names the dead-letter topic after the consumer group', () => {
    expect(deadLetterTopic('notification.ncb-copies')).toBe('wildlife.dlq.notification.ncb-copies');
    expect(deadLetterTopicDefinition('provenance')).toMatchObject({ name: 'wildlife.dlq.provenance', partitions: 3 });
  });

  it.each(['has space', 'slash/group', '', 'x'.repeat(237)])('refuses consumer group "%s" as part of a topic name', (group) => {
    expect(() => deadLetterTopic(group)).toThrow(ConsumerGroupCannotNameATopic);
  });

  it('keeps the provenance log forever', () => {
    expect(topics.provenanceLog).toMatchObject({ name: 'wildlife.provenance.log', retentionMs: -1 });
  });

  it('declares every static topic once, with three partitions, but the registry’s one', () => {
    const names = staticTopics.map((topic) => topic.name);

    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'wildlife.request-intake.events',
        'wildlife.ncb-endorsement.events',
        'wildlife.provenance.events',
        'wildlife.provenance.log',
        'wildlife.dissemination.events',
        'wildlife.notification.events',
        'wildlife.gs.inbox',
      ]),
    );
    expect(staticTopics.filter((topic) => topic.partitions !== 3).map((topic) => [topic.name, topic.partitions])).toEqual([['wildlife.registry.events', 1]]);
  });
});
