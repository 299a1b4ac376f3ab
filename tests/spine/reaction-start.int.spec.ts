import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Admin } from 'kafkajs';
import { createProducer, toKafkaMessage, type MessageProducer } from '@wildlife/messaging';
import { createServiceApp, type ServiceApp } from '@wildlife/service-kit';
import { serviceTestEnvironment, waitUntil, type ServiceTestEnvironment } from '@wildlife/testing';
import { effectsById } from './effect-recording/effects.js';
import { acknowledgementTopic, effectRecordingService } from './effect-recording/effect-recording.service.js';
import { anAcknowledgement } from './events/acknowledgements.js';
import { testKafka, topicsExist } from './kafka/test-kafka.js';

describe('a reaction whose consumer cannot start yet', () => {
  const kafka = testKafka('spine-reaction-start');
  let environment: ServiceTestEnvironment;
  let service: ServiceApp;
  let admin: Admin;
  let producer: MessageProducer;

  beforeAll(async () => {
    // The pipeline logs each failed start as a warning: expected here.
    environment = serviceTestEnvironment('spine_reaction_start', { LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'error' });
    admin = kafka.admin();
    await admin.connect();
    producer = createProducer(kafka);
    await producer.connect();
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled([producer?.disconnect(), admin?.disconnect()]);
    await service?.close();
    await environment?.cleanup();
  });

  it('keeps trying, and consumes once it can: here, once the topic it reads exists', async () => {
    // Given a service whose reaction reads a topic that nobody has created yet, so its consumer's
    // first starts fail (kafkajs refuses to subscribe to an unknown topic)
    const topic = `${environment.env.KAFKA_TOPIC_PREFIX}${acknowledgementTopic.name}`;
    service = await createServiceApp(effectRecordingService(environment.env, { declaresItsTopic: false }));
    await service.listen();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await topicsExist(admin, [topic])).toBe(false);

    // When the topic appears, and an event is published on it
    await admin.createTopics({ topics: [{ topic, numPartitions: acknowledgementTopic.partitions }], waitForLeaders: true });
    const event = anAcknowledgement();
    await producer.sendBatch([{ topic, ...toKafkaMessage(event) }]);

    // Then the reaction starts after all and applies the event, once
    await waitUntil('the event has an effect', async () => (await effectsById(service.pool)).has(event.id), { timeoutMs: 30_000 });
    expect((await effectsById(service.pool)).get(event.id)).toMatchObject({ applications: 1 });
  }, 60_000);
});
