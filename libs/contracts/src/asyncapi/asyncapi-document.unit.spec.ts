import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { publicContracts } from '../events/public-contracts.js';
import { REGISTRY_MESSAGE_KEY, topics } from '../topics/topics.js';
import { buildAsyncApiDocument, DEAD_LETTER_CONSUMER_GROUPS } from './asyncapi-document.js';

const committed = JSON.parse(readFileSync(new URL('../../asyncapi.json', import.meta.url), 'utf8')) as Record<string, unknown>;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const doc = committed as Json;
const channel = (id: string): Json => doc.channels[id];
const message = (name: string): Json => doc.components.messages[name];
const messagesOn = (id: string): Json[] => Object.keys(channel(id).messages as Json).map(message);

describe('the AsyncAPI document', () => {
  it('committed in libs/contracts/asyncapi.json matches the registry (regenerate with `npm run asyncapi -w @wildlife/contracts`)', () => {
    expect(committed).toEqual(buildAsyncApiDocument());
  });

  it('resolves every local $ref', () => {
    const refs = collectRefs(committed);

    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect({ ref, found: resolve(committed, ref) !== undefined }).toEqual({ ref, found: true });
  });

  it('lists every public event on the channel of its topic', () => {
    const channels = committed.channels as Record<string, { address: string; messages: Record<string, unknown> }>;

    for (const contract of publicContracts) {
      const channel = Object.values(channels).find((candidate) => candidate.address === contract.topic);
      expect({ type: contract.type, listed: Object.keys(channel?.messages ?? {}).includes(contract.type) }).toEqual({
        type: contract.type,
        listed: true,
      });
    }
  });

  it('keys registry facts by the one constant key, on a single partition, and no longer claims the case id for them', () => {
    expect(channel('registryEvents').bindings.kafka.partitions).toBe(1);
    const registryMessages = messagesOn('registryEvents');
    expect(registryMessages.length).toBeGreaterThan(0);
    for (const registryMessage of registryMessages) {
      expect(registryMessage.bindings.kafka.key.const).toBe(REGISTRY_MESSAGE_KEY);
      expect(registryMessage.bindings.kafka.key.description).not.toMatch(/case id/);
    }
    expect(REGISTRY_MESSAGE_KEY).toBe('wildlife-registry');
    expect(doc.info.description).toContain('`wildlife-registry`');
    expect(doc.info.description).not.toMatch(/^Every message is a CloudEvent/);
  });

  it('keys case events by the case id and provenance outcomes by their subject, a principal id for registry records', () => {
    for (const id of ['requestIntakeEvents', 'ncbEndorsementEvents']) {
      for (const caseMessage of messagesOn(id)) expect(caseMessage.bindings.kafka.key.description).toMatch(/^The case id/);
    }
    for (const outcome of messagesOn('provenanceEvents')) {
      expect(outcome.bindings.kafka.key.description).toContain('ce_subject');
      expect(outcome.bindings.kafka.key.description).toContain('the principal id for a registry record');
    }
  });

  it('describes the provenance log: leaf bytes keyed by sequence on partition 0, its log-* headers, and a send operation', () => {
    expect(Object.keys(channel('provenanceLog').messages)).toEqual(['provenance.LogEntry']);
    const entry = message('provenance.LogEntry');
    expect(entry.headers.required).toEqual(['log-sequence', 'log-leaf-hash', 'log-origin']);
    expect(Object.keys(entry.headers.properties)).toEqual(['log-sequence', 'log-leaf-hash', 'log-origin']);
    expect(entry.bindings.kafka.key.description).toContain('sequence in decimal');
    expect(entry.bindings.kafka['x-partition']).toBe(0);
    expect(entry.payload.description).toContain('libs/provenance-log/src/entry/ENTRY-FORMAT.md');
    expect(entry.description).toContain('RFC 8785');
    expect(entry.headers.properties).not.toHaveProperty('ce_type');
    expect(doc.operations.sendProvenanceLog).toEqual({
      action: 'send',
      channel: { $ref: '#/channels/provenanceLog' },
      messages: [{ $ref: '#/channels/provenanceLog/messages/provenance.LogEntry' }],
    });
  });

  it('marks the channels no service creates or produces to as reserved, with no operation', () => {
    const reserved = Object.entries(doc.channels as Json)
      .filter(([, candidate]) => candidate['x-status'] === 'reserved')
      .map(([id]) => id);
    expect(reserved.sort()).toEqual(['disseminationEvents', 'gsInbox', 'ncbInbox', 'notificationEvents']);
    for (const id of reserved) {
      expect(channel(id).description).toMatch(/^Reserved: /);
      expect(channel(id).messages).toEqual({});
      expect(Object.values(doc.operations as Json).map((operation) => operation.channel.$ref)).not.toContain(`#/channels/${id}`);
    }
    expect(channel('provenanceLog')).not.toHaveProperty('x-status');
    expect(Object.keys(topics)).toEqual(expect.arrayContaining(['disseminationEvents', 'gsInbox', 'notificationEvents']));
  });

  it('describes the dead letters: every dlq-* header, the real consumer groups, and a send operation', () => {
    const deadLetters = channel('deadLetters');
    expect(deadLetters.address).toBe('wildlife.dlq.{consumerGroup}');
    expect(deadLetters.parameters.consumerGroup.enum).toEqual([...DEAD_LETTER_CONSUMER_GROUPS]);
    expect([...DEAD_LETTER_CONSUMER_GROUPS].sort()).toEqual([
      'intelligence-dissemination.registry',
      'ncb-endorsement.provenance-rejections',
      'ncb-endorsement.registry',
      'ncb-endorsement.support-requests-submitted',
      'notification.registry',
      'provenance.records',
      'provenance.registry',
      'provenance.registry-records',
      'request-intake.registry',
      'request-intake.support-request-status',
    ]);
    expect(Object.keys(deadLetters.messages)).toEqual(['DeadLetter']);
    const deadLetter = message('DeadLetter');
    expect(Object.keys(deadLetter.headers.properties)).toEqual([
      'dlq-original-topic',
      'dlq-original-partition',
      'dlq-original-offset',
      'dlq-original-key',
      'dlq-reason',
      'dlq-detail',
      'dlq-consumer-group',
      'dlq-failed-at',
    ]);
    expect(deadLetter.headers.required).not.toContain('dlq-original-key');
    expect(deadLetter.headers.properties['dlq-detail'].maxLength).toBe(2000);
    expect(deadLetter.headers.additionalProperties).toBe(true);
    expect(deadLetter.bindings.kafka.key.description).toContain('original key');
    expect(doc.operations.sendDeadLetters.messages).toEqual([{ $ref: '#/channels/deadLetters/messages/DeadLetter' }]);
  });
});

function collectRefs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((child) => collectRefs(child, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      // $refs inside payload schemas point into their own schema document, not this one.
      if (key === 'payload') continue;
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else collectRefs(value, found);
    }
  }
  return found;
}

function resolve(document: unknown, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((node, segment) => (node as Record<string, unknown> | undefined)?.[segment], document);
}
