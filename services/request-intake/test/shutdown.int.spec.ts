import { afterAll, describe, expect, it } from '@jest/globals';
import { topics } from '@wildlife/contracts';
import { createServiceApp } from '@wildlife/service-kit';
import { eventually, serviceTestEnvironment, testKafkaBrokers } from '@wildlife/testing';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { loadRequestIntakeConfig } from '../src/request-intake.config.js';
import { defineRequestIntake } from '../src/service.js';
import { intakeDirectory } from './support/intake-principals.js';

describe('stopping request intake', () => {
  const environment = serviceTestEnvironment('intake-shutdown');
  const prefix = environment.env.KAFKA_TOPIC_PREFIX!;
  const kafka = new Kafka({ clientId: 'intake-shutdown-test', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  let stuck: Consumer | undefined;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));

  const groupId = `${prefix}request-intake.support-request-status`;

  afterAll(async () => {
    release();
    await stuck?.disconnect();
    // The service's consumer, left joining, leaves the group once the join ends: the test ends after it.
    const admin = kafka.admin();
    await admin.connect();
    try {
      await eventually('the consumer group has no member left', async () => ((await admin.describeGroups([groupId])).groups[0]!.members.length === 0 ? true : undefined), { timeoutMs: 60_000, pollMs: 200 });
    } finally {
      await admin.disconnect();
    }
    await environment.cleanup();
  }, 90_000);

  it('is bounded while its consumer still waits to join a group that waits for a stuck member', async () => {
    // Given a member of intake's consumer group stuck in the middle of a message: the group cannot
    // rebalance (and a new member cannot join) until its 30 s session is over
    const topic = prefix + topics.ncbEndorsementEvents.name;
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
    await admin.disconnect();
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [{ key: 'case-1', value: 'not even an event' }] });
    await producer.disconnect();
    let handling = false;
    stuck = kafka.consumer({ groupId, sessionTimeout: 30_000 });
    await stuck.connect();
    await stuck.subscribe({ topics: [topic], fromBeginning: true });
    await stuck.run({
      eachMessage: async () => {
        handling = true;
        await released;
      },
    });
    await eventually('the stuck member handles the message', async () => handling || undefined, { timeoutMs: 30_000 });

    // And intake started, its consumer waiting to join that group
    const { directory } = intakeDirectory();
    const service = await createServiceApp(defineRequestIntake(loadRequestIntakeConfig(environment.env), { principals: directory }));
    await service.listen();
    // Its join is what makes the group rebalance, which the stuck member holds up.
    const observer = kafka.admin();
    await observer.connect();
    await eventually(
      'intake’s consumer is waiting to join the group',
      async () => ((await observer.describeGroups([groupId])).groups[0]?.state === 'PreparingRebalance' ? true : undefined),
      { timeoutMs: 30_000 },
    );
    await observer.disconnect();

    // When it is stopped
    const began = performance.now();
    await service.close();

    // Then it stopped within its consumer's stop bound (5 s), not after the stuck member's session
    expect(performance.now() - began).toBeLessThan(8_000);
  }, 60_000);
});
