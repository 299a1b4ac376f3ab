import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Admin } from 'kafkajs';
import type pg from 'pg';
import { createProducer, toKafkaMessage } from '@wildlife/messaging';
import { serviceTestEnvironment, waitUntil, type ServiceTestEnvironment } from '@wildlife/testing';
import { acknowledgementTopic, effectReaction, effectRecordingServiceName } from '../spine/effect-recording/effect-recording.service.js';
import { countEffects } from '../spine/effect-recording/effects.js';
import { anAcknowledgement } from '../spine/events/acknowledgements.js';
import { committedOffsetTotal, testKafka, topicsExist } from '../spine/kafka/test-kafka.js';
import {
  buildServiceProcess,
  listeningUrl,
  serviceDatabasePool,
  startServiceProcess,
  type ServiceProcess,
} from '../service-process/service-process.js';

const SHUTDOWN_TIMEOUT_MS = 6_000;
const EVENTS = 20;

describe('a service stopped while a request takes longer than its whole shutdown timeout', () => {
  const kafka = testKafka('bounded-shutdown');
  let environment: ServiceTestEnvironment;
  let service: ServiceProcess;
  let pool: pg.Pool;
  let admin: Admin;

  beforeAll(async () => {
    await buildServiceProcess();
    environment = serviceTestEnvironment('bounded_shutdown', { LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS) });
    pool = serviceDatabasePool(environment.env);
    admin = kafka.admin();
    await admin.connect();
  }, 180_000);

  afterAll(async () => {
    service?.kill('SIGKILL');
    await service?.exited;
    await admin?.disconnect();
    await pool?.end();
    await environment?.cleanup();
  });

  it('closes the request, stops its consumer (committed, out of its group) and exits 0 within the timeout', async () => {
    const prefix = environment.env.KAFKA_TOPIC_PREFIX!;
    const topic = prefix + acknowledgementTopic.name;
    const groupId = `${prefix}${effectRecordingServiceName}.${effectReaction.name}`;

    // Given a service that consumed 20 events
    service = startServiceProcess(environment.env);
    const url = await listeningUrl(service);
    await waitUntil('the service has created its topic', () => topicsExist(admin, [topic]), { timeoutMs: 60_000 });
    const producer = createProducer(kafka);
    await producer.connect();
    await producer.sendBatch(Array.from({ length: EVENTS }, () => ({ topic, ...toKafkaMessage(anAcknowledgement()) })));
    await producer.disconnect();
    await waitUntil(`the ${EVENTS} effects exist`, async () => (await countEffects(pool)) === EVENTS, { timeoutMs: 60_000, progress: () => service.output().slice(-2_000) });
    // and a request in flight that would take a minute
    const answer = fetch(`${url}/held?ms=60000`).then((r) => r.status, (e: Error) => e.message);
    await waitUntil('the request is in flight', () => service.output().includes('"msg":"holding a request"'));

    // When it is stopped
    const began = performance.now();
    service.kill('SIGTERM');

    // Then it exits 0 within its shutdown timeout, the request's connection closed after its share of it
    expect(await service.exited).toBe(0);
    expect(performance.now() - began).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    expect(await answer).toBe('fetch failed');
    expect(service.output()).toContain(`requests still in flight after ${SHUTDOWN_TIMEOUT_MS * 0.3} ms: closing their connections`);
    // and its consumer committed what it processed and left its group (a killed one would still be a
    // member until its session expired)
    expect(await committedOffsetTotal(admin, groupId, topic)).toBe(EVENTS);
    const [group] = (await admin.describeGroups([groupId])).groups;
    expect(group).toMatchObject({ state: 'Empty', members: [] });
  }, 120_000);
});
