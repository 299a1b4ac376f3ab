import { rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { topics } from '@wildlife/contracts';
import { createServiceApp, type ServiceApp } from '@wildlife/service-kit';
import { createSignedFetch } from '@wildlife/signatures';
import { serviceTestEnvironment, testKafkaBrokers, waitUntil, type ServiceTestEnvironment } from '@wildlife/testing';
import { Kafka, logLevel } from 'kafkajs';
import { loadNcbEndorsementConfig } from '../../../src/ncb-endorsement.config.js';
import { defineNcbEndorsement } from '../../../src/service.js';
import { readRegistryTopic, type RegistryTopicReader } from './registry-topic.js';
import { trustRootSigners, writeTrustRoots, type Signer, type TrustRootSigners } from './registry-signers.js';

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Headers;
}

export interface SignedCalls {
  get(path: string): Promise<Answer>;
  /** `headers` (If-Match, Idempotency-Key) are sent, and covered by the signature. */
  post(path: string, body: unknown, headers?: Readonly<Record<string, string>>): Promise<Answer>;
}

/** ncb-endorsement on its own database and topic prefix, with the registry of its own trust roots (not an in-memory directory). */
export interface RegistryWorld {
  readonly service: ServiceApp;
  /** The service's base URL. */
  readonly url: string;
  readonly roots: TrustRootSigners;
  /** What the service published on wildlife.registry.events, read as another service would. */
  readonly published: RegistryTopicReader;
  as(signer: Signer): SignedCalls;
  /** Waits until the service's own registry projection accepts `signer`'s key (its fact went through Kafka). */
  knows(signer: Signer): Promise<void>;
  /**
   * Stops the service's own registry projection (what the signature guard reads) from learning facts
   * from here on, as if every new fact were still on its way through Kafka. For good: `knows` then
   * waits in vain.
   */
  holdProjection(): Promise<void>;
  close(): Promise<void>;
}

export async function startRegistryWorld(label: string): Promise<RegistryWorld> {
  const roots = trustRootSigners();
  const trustRootsFile = await writeTrustRoots(roots);
  const environment: ServiceTestEnvironment = serviceTestEnvironment(label, { TRUST_ROOTS_FILE: trustRootsFile });
  const service = await createServiceApp(defineNcbEndorsement(loadNcbEndorsementConfig(environment.env)));
  const url = await service.listen();
  const kafka = new Kafka({ clientId: `${label}-reader`, brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const topic = `${environment.env.KAFKA_TOPIC_PREFIX}${topics.registryEvents.name}`;
  let published: RegistryTopicReader;
  try {
    await topicExists(kafka, topic);
    published = await readRegistryTopic(kafka, topic);
  } catch (error) {
    await service.close();
    await environment.cleanup();
    throw error;
  }
  return {
    service,
    url,
    roots,
    published,
    as: (signer) => signedCalls(url, signer),
    async knows(signer) {
      await waitUntil(`the registry projection accepts ${signer.keyId}`, () => !('refused' in service.registry.directory.resolveKey(signer.keyId, new Date())));
    },
    holdProjection: () => service.registry.follower.stop(),
    async close() {
      await published.stop().catch(() => undefined);
      await service.close();
      await environment.cleanup();
      await rm(dirname(trustRootsFile), { recursive: true, force: true });
    },
  };
}

/** Waits until the service's pipeline created `topic`. */
async function topicExists(kafka: Kafka, topic: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await waitUntil(`${topic} exists`, async () => (await admin.listTopics()).includes(topic));
  } finally {
    await admin.disconnect();
  }
}

function signedCalls(baseUrl: string, signer: Signer): SignedCalls {
  const send = createSignedFetch({ baseUrl, key: { keyId: signer.keyId, privateKey: signer.privateKey }, signReads: true });
  const answer = async (response: Response): Promise<Answer> => ({
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  });
  return {
    get: async (path) => answer(await send(path)),
    post: async (path, body, headers = {}) => answer(await send(path, { method: 'POST', json: body, headers })),
  };
}
