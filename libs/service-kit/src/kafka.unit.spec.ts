import { describe, expect, it } from '@jest/globals';
import { createProducer } from '@wildlife/messaging';
import { pino } from 'pino';
import { createKafka } from './kafka.js';

/** A kit Kafka client (never connected) whose logs the test reads. */
function kafkaWithCapturedLogs() {
  const lines: { level: number; msg: string; component?: string }[] = [];
  const logger = pino({ level: 'trace' }, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
  const kafka = createKafka({ brokers: ['127.0.0.1:1'], clientId: 'test', logger });
  return { kafka, log: kafka.logger(), lines };
}

describe("the kit's kafkajs client logs", () => {
  it("go to the service's logger at kafkajs' own level", () => {
    const { log, lines } = kafkaWithCapturedLogs();
    log.error('Connection error', { broker: '127.0.0.1:1' });
    log.warn('Something to look at');
    expect(lines.map((l) => [l.level, l.msg, l.component])).toEqual([
      [50, 'Connection error', 'kafkajs'],
      [40, 'Something to look at', 'kafkajs'],
    ]);
  });

  it('put the CreateTopics responses with topic errors at debug: a topic another service created first is no error', () => {
    const { log, lines } = kafkaWithCapturedLogs();
    log.error('Response CreateTopics(key: 19, version: 3)', { error: 'Topic creation errors', correlationId: 4 });
    expect(lines).toEqual([expect.objectContaining({ level: 20, msg: 'Response CreateTopics(key: 19, version: 3)' })]);
  });

  it("put kafkajs' warning about an idempotent producer's bounded retries at debug: the bound is chosen", () => {
    const { kafka, lines } = kafkaWithCapturedLogs();
    createProducer(kafka);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([[20, 'Limiting retries for the idempotent producer may invalidate EoS guarantees']]);
  });
});
