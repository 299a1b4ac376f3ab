import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Admin } from 'kafkajs';
import { toKafkaMessage, createProducer, deadLetterHeaders, type MessageProducer, type OutgoingMessage } from '@wildlife/messaging';
import { createServiceApp, type ServiceApp } from '@wildlife/service-kit';
import { serviceTestEnvironment, waitUntil, type ServiceTestEnvironment } from '@wildlife/testing';
import { attemptsOf, callSizesOf, effectsById, refuseEvent, storeTimeWith, stumbleOn } from './effect-recording/effects.js';
import { acknowledgementTopic, effectReaction, effectRecordingService } from './effect-recording/effect-recording.service.js';
import { anAcknowledgement } from './events/acknowledgements.js';
import { poisonMessages } from './events/poison-messages.js';
import { testKafka, topicsExist } from './kafka/test-kafka.js';
import { recordTopic, type TopicRecorder } from './kafka/topic-recorder.js';

describe('a reaction of a service pipeline on the real broker', () => {
  const kafka = testKafka('spine-reaction');
  let environment: ServiceTestEnvironment;
  let service: ServiceApp;
  let admin: Admin;
  let producer: MessageProducer;
  let deadLetters: TopicRecorder;
  let topic: string;
  let deadLetterTopic: string;

  beforeAll(async () => {
    // The consumer logs each dead letter as a warning: expected here.
    environment = serviceTestEnvironment('spine_reaction', { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error' });
    service = await createServiceApp(effectRecordingService(environment.env));
    await service.listen();
    topic = `${environment.env.KAFKA_TOPIC_PREFIX}${acknowledgementTopic.name}`;
    deadLetterTopic = service.pipeline.deadLetterTopicOf(effectReaction.name);
    admin = kafka.admin();
    await admin.connect();
    await waitUntil('the pipeline created its topics', () => topicsExist(admin, [topic, deadLetterTopic]));
    producer = createProducer(kafka);
    await producer.connect();
    deadLetters = await recordTopic(kafka, deadLetterTopic);
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled([deadLetters?.stop(), producer?.disconnect(), admin?.disconnect()]);
    await service?.close();
    await environment?.cleanup();
  });

  const effects = () => effectsById(service.pool);

  it('applies an event delivered twice with the same id exactly once', async () => {
    // Given one valid public event, on the topic twice (a redelivery keeps the id)
    const event = anAcknowledgement();
    const message: OutgoingMessage = { topic, ...toKafkaMessage(event) };
    const written = await producer.sendBatch([message, message]);
    expect(written).toEqual([expect.objectContaining({ topicName: topic })]);
    const later = anAcknowledgement(event.subject);
    await producer.sendBatch([{ topic, ...toKafkaMessage(later) }]);

    // When the reaction has consumed past both copies
    await waitUntil('the event after the copies has an effect', async () => (await effects()).has(later.id));

    // Then the event has one effect, and the second copy never reached the handler
    expect((await effects()).get(event.id)).toMatchObject({ applications: 1 });
    expect(await attemptsOf(service.pool, event.id)).toBe(1);
  }, 60_000);

  it('applies two events that share an id but not a source once each: CloudEvents identifies an event by both', async () => {
    // Given two events with one id from two sources, then a marker on the same key
    const event = anAcknowledgement();
    const namesake = { ...anAcknowledgement(event.subject), id: event.id, source: '/wildlife/elsewhere' };
    const later = anAcknowledgement(event.subject);
    await producer.sendBatch([event, namesake, later].map((e) => ({ topic, ...toKafkaMessage(e) })));

    // When the reaction has consumed past them
    await waitUntil('the event after the namesakes has an effect', async () => (await effects()).has(later.id));

    // Then neither suppressed the other
    expect((await effects()).get(event.id)).toMatchObject({ applications: 2 });
  }, 60_000);

  it('dead-letters a value that is not JSON, an unknown type, a schema violation and U+0000 in the id or data with their reasons, and goes on', async () => {
    // Given, on one key (so one partition), poison messages between valid events
    const key = randomUUID();
    const poisons = poisonMessages(topic, key);
    const [notJson, unknownType, schemaViolation, nulInId, nulInData] = poisons;
    const before = anAcknowledgement(key);
    const between = anAcknowledgement(key);
    const after = anAcknowledgement(key);
    const valid = (event: typeof before): OutgoingMessage => ({ topic, ...toKafkaMessage(event) });
    const sequence = [valid(before), notJson.message, valid(between), unknownType.message, schemaViolation.message, nulInId.message, nulInData.message, valid(after)];
    const [written] = await producer.sendBatch(sequence);
    const offsetOf = (index: number) => String(Number(written!.baseOffset) + index);

    // When the reaction has consumed them
    await waitUntil('the last valid event has an effect', async () => (await effects()).has(after.id));
    const ours = () => deadLetters.messages.filter((m) => m.headers[deadLetterHeaders.originalKey] === key);
    await waitUntil('five dead letters arrived', () => ours().length >= poisons.length);

    // Then each valid event has one effect, and each poison message is a dead letter saying why
    const applied = await effects();
    for (const event of [before, between, after]) expect(applied.get(event.id)).toMatchObject({ applications: 1 });
    expect(ours()).toHaveLength(poisons.length);
    expect(ours().map((m) => m.headers)).toEqual(
      poisons.map((poison) =>
        expect.objectContaining({
          [deadLetterHeaders.reason]: poison.reason,
          [deadLetterHeaders.originalTopic]: topic,
          [deadLetterHeaders.originalPartition]: String(written!.partition),
          [deadLetterHeaders.originalOffset]: offsetOf(sequence.indexOf(poison.message)),
          [deadLetterHeaders.originalKey]: key,
          [deadLetterHeaders.consumerGroup]: service.pipeline.groupId(effectReaction),
        }),
      ),
    );
    // The dead letter keeps the original value and headers, so it can be replayed after a fix.
    expect(ours()[0]!.value?.toString()).toBe(notJson.message.value?.toString());
    expect(ours()[1]!.headers.ce_type).toBe(unknownType.message.headers!.ce_type);
  }, 60_000);

  it('hands the events of one fetch to the reaction together, and retries them one by one when it fails', async () => {
    // Given, on one key (so one partition, one fetch), five events, the fourth one the reaction refuses
    const key = randomUUID();
    const together = Array.from({ length: 3 }, () => anAcknowledgement(key));
    const refused = anAcknowledgement(key);
    const after = anAcknowledgement(key);
    await refuseEvent(service.pool, refused.id);
    const [written] = await producer.sendBatch([...together, refused, after].map((event) => ({ topic, ...toKafkaMessage(event) })));

    // When the reaction has consumed them
    await waitUntil('the event after the refused one has an effect', async () => (await effects()).has(after.id));
    const ours = () => deadLetters.messages.filter((m) => m.headers[deadLetterHeaders.originalKey] === key);
    await waitUntil('the refused event was dead-lettered', () => ours().length >= 1);

    // Then the first call had all five, which rolled back when it failed; each was then handed over alone
    const sizes = await callSizesOf(service.pool, [...together, refused, after].map((e) => e.id));
    for (const event of [...together, after]) expect(sizes.get(event.id)).toEqual([5, 1]);
    expect(sizes.get(refused.id)).toEqual([5, 1]);
    // Each accepted event has one effect, and only the refused one is a dead letter, with the reason
    const applied = await effects();
    for (const event of [...together, after]) expect(applied.get(event.id)).toMatchObject({ applications: 1 });
    expect(applied.has(refused.id)).toBe(false);
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.headers).toMatchObject({
      [deadLetterHeaders.reason]: 'PermanentMessageError',
      [deadLetterHeaders.detail]: expect.stringContaining(`the test refuses event ${refused.id}`),
      [deadLetterHeaders.originalOffset]: String(Number(written!.baseOffset) + 3),
    });
  }, 60_000);

  it('retries, never dead-letters, a message whose reaction raised a contract error of its own', async () => {
    // Given an event on which the reaction stumbles twice with an EventSchemaViolation of its own
    // making (a bug in the reaction, as when its outgoing event breaks its contract), then succeeds
    const key = randomUUID();
    const event = anAcknowledgement(key);
    const after = anAcknowledgement(key);
    await stumbleOn(service.pool, event.id, 2);
    await producer.sendBatch([event, after].map((e) => ({ topic, ...toKafkaMessage(e) })));

    // When the reaction has consumed past it
    await waitUntil('the event after it has an effect', async () => (await effects()).has(after.id));

    // Then the message was held and retried, not dead-lettered: it has its one effect, and the dead
    // letter of a poison sent after it on its key (so consumed after it) is the key's only one
    expect((await effects()).get(event.id)).toMatchObject({ applications: 1 });
    expect(await attemptsOf(service.pool, event.id)).toBeGreaterThanOrEqual(3);
    const [later] = poisonMessages(topic, key);
    await producer.sendBatch([later.message]);
    const ours = () => deadLetters.messages.filter((m) => m.headers[deadLetterHeaders.originalKey] === key);
    await waitUntil('the later poison is dead-lettered', () => ours().length > 0);
    expect(ours().map((m) => m.headers.ce_id)).toEqual([later.message.headers!.ce_id]);
  }, 60_000);

  it('dead-letters, with PostgreSQL’s reason, an event whose effect PostgreSQL refuses as a data exception, and goes on', async () => {
    // Given an event whose effect stores a time PostgreSQL refuses (an offset beyond ±15:59: SQLSTATE
    // 22009, the same on every retry), between two others on its key
    const key = randomUUID();
    const [before, refused, after] = [anAcknowledgement(key), anAcknowledgement(key), anAcknowledgement(key)];
    await storeTimeWith(service.pool, refused.id, '2025-03-14T14:31:02+23:59');
    const [written] = await producer.sendBatch([before, refused, after].map((e) => ({ topic, ...toKafkaMessage(e) })));

    // When the reaction has consumed past it
    await waitUntil('the event after it has an effect', async () => (await effects()).has(after.id));
    const ours = () => deadLetters.messages.filter((m) => m.headers[deadLetterHeaders.originalKey] === key);
    await waitUntil('the refused event was dead-lettered', () => ours().length >= 1);

    // Then it alone is a dead letter, saying what PostgreSQL refused; the others have their effect
    expect((await effects()).has(refused.id)).toBe(false);
    for (const event of [before, after]) expect((await effects()).get(event.id)).toMatchObject({ applications: 1 });
    expect(ours()).toHaveLength(1);
    expect(ours()[0]!.headers).toMatchObject({
      [deadLetterHeaders.reason]: 'DatabaseRefusedTheEventsData',
      [deadLetterHeaders.detail]: expect.stringMatching(/SQLSTATE 22009.*time zone displacement out of range/),
      [deadLetterHeaders.originalOffset]: String(Number(written!.baseOffset) + 1),
    });
  }, 60_000);
});
