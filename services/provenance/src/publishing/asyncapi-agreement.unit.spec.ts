import { describe, expect, it } from '@jest/globals';
import { buildAsyncApiDocument, DEAD_LETTER_CONSUMER_GROUPS } from '@wildlife/contracts';
import { SERVICE } from '../provenance.config.js';
import { RECORD_FEED, REGISTRY_FEED } from '../records/record-topics.js';
import { LOG_TOPIC_HEADERS } from './log-publisher.js';

interface Documented {
  readonly headers: { readonly required: readonly string[] };
}

describe('the AsyncAPI document agrees with what provenance publishes', () => {
  it('lists the headers of the log topic', () => {
    const messages = (buildAsyncApiDocument().components as { messages: Record<string, Documented> }).messages;

    expect([...messages['provenance.LogEntry']!.headers.required].sort()).toEqual(Object.values(LOG_TOPIC_HEADERS).sort());
  });

  it("lists the dead-letter topics of both record feeds", () => {
    for (const feed of [RECORD_FEED, REGISTRY_FEED]) expect(DEAD_LETTER_CONSUMER_GROUPS).toContain(`${SERVICE.name}.${feed.name}`);
  });
});
