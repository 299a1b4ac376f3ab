import { topics, type CloudEvent, type SupportRequestSubmittedV1 } from '@wildlife/contracts';
import { createServiceApp, type ServiceApp } from '@wildlife/service-kit';
import { serviceTestEnvironment, testKafkaBrokers, waitUntil } from '@wildlife/testing';
import { Kafka, logLevel } from 'kafkajs';
import { loadNcbEndorsementConfig } from '../../src/ncb-endorsement.config.js';
import { defineNcbEndorsement } from '../../src/service.js';
import { castWithKeys, type CastKey, type CastMember } from './cast.js';
import { readPublishedEvents, type PublishedEvents } from './published-events.js';
import { signedCalls, type SignedCalls } from './signed-calls.js';
import { aSubmission, upstreamProducer, type UpstreamProducer } from './upstream-events.js';

/** The service on its own database and topic prefix, the cast's keys, intake's producer and a reader of what it publishes. */
export interface EndorsementWorld {
  readonly service: ServiceApp;
  readonly keys: Record<CastMember, CastKey>;
  readonly upstream: UpstreamProducer;
  readonly published: PublishedEvents;
  as(member: CastMember): SignedCalls;
  /** Publishes `submission` (a fresh one of the French agency by default) and waits until the service received it. */
  receivedRequest(submission?: CloudEvent<SupportRequestSubmittedV1>): Promise<string>;
  /** A received request its NCB acknowledged (version 2). */
  acknowledgedRequest(submission?: CloudEvent<SupportRequestSubmittedV1>): Promise<string>;
  /** A received request its NCB acknowledged then endorsed (version 4), and its permit. */
  endorsedRequest(submission?: CloudEvent<SupportRequestSubmittedV1>): Promise<{ requestId: string; permitId: string }>;
  /** Waits until the request's stream reaches `version` (facts arrive through Kafka). */
  streamReaches(requestId: string, version: number): Promise<void>;
  /** Everything stored for a request: its events, outbox rows (queued or already published) and read-model rows. */
  storedFor(requestId: string): Promise<unknown>;
  stop(): Promise<void>;
}

export async function startEndorsementWorld(label: string): Promise<EndorsementWorld> {
  const environment = serviceTestEnvironment(label);
  const prefix = environment.env.KAFKA_TOPIC_PREFIX!;
  const { keys, directory } = castWithKeys();
  const service = await createServiceApp(defineNcbEndorsement(loadNcbEndorsementConfig(environment.env), { principals: directory }));
  const url = await service.listen();
  const kafka = new Kafka({ clientId: `${label}-test`, brokers: testKafkaBrokers(), logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  await admin.connect();
  const wanted = [topics.ncbEndorsementEvents, topics.requestIntakeEvents, topics.provenanceEvents].map((topic) => prefix + topic.name);
  await waitUntil('the service created its topics', async () => {
    const existing = new Set(await admin.listTopics());
    return wanted.every((topic) => existing.has(topic));
  });
  await admin.disconnect();
  const upstream = await upstreamProducer(kafka, prefix);
  const published = await readPublishedEvents(kafka, prefix + topics.ncbEndorsementEvents.name);
  const callers = new Map<CastMember, SignedCalls>();

  const streamVersion = async (requestId: string) => {
    const { rows } = await service.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE stream_id = $1', [`endorsement-${requestId}`]);
    return rows[0]!.n;
  };
  const world: EndorsementWorld = {
    service,
    keys,
    upstream,
    published,
    as(member) {
      if (!callers.has(member)) callers.set(member, signedCalls(url, keys[member]));
      return callers.get(member)!;
    },
    async receivedRequest(submission = aSubmission()) {
      await upstream.publish(submission);
      await world.streamReaches(submission.subject, 1);
      return submission.subject;
    },
    async acknowledgedRequest(submission) {
      const requestId = await world.receivedRequest(submission);
      const acknowledged = await world.as('ncbFr').post(`/v1/support-requests/${requestId}/acknowledge`, {}, { 'if-match': '"1"' });
      if (acknowledged.status !== 200) throw new Error(`acknowledging ${requestId} answered ${acknowledged.status}`);
      return requestId;
    },
    async endorsedRequest(submission) {
      const requestId = await world.acknowledgedRequest(submission);
      const endorsed = await world.as('ncbFr').post(`/v1/support-requests/${requestId}/endorse`, {}, { 'if-match': '"2"' });
      if (endorsed.status !== 200) throw new Error(`endorsing ${requestId} answered ${endorsed.status}`);
      return { requestId, permitId: (endorsed.body.permit as { permitId: string }).permitId };
    },
    async streamReaches(requestId, version) {
      await waitUntil(`request ${requestId} reaches version ${version}`, async () => (await streamVersion(requestId)) >= version);
    },
    async storedFor(requestId) {
      const query = async (sql: string) => (await service.pool.query(sql, [requestId])).rows;
      // The relay deletes a row once it is on the topic, so a row counts whether still queued or already
      // published: a row gone before the query was published before it, so below the offsets read after it.
      const queued = await query('SELECT message_id FROM outbox WHERE key = $1');
      await published.caughtUp();
      const outbox = new Set([...queued.map((row) => row.message_id as string), ...published.about(requestId).map((event) => event.id)]);
      return {
        events: await query(`SELECT event_id FROM events WHERE stream_id = 'endorsement-' || $1 ORDER BY stream_position`),
        outbox: [...outbox].sort(),
        endorsement: await query('SELECT * FROM endorsements WHERE request_id = $1'),
        permits: await query('SELECT * FROM permits WHERE request_id = $1'),
      };
    },
    async stop() {
      await published.stop();
      await upstream.stop();
      await service.close();
      await environment.cleanup();
    },
  };
  return world;
}
