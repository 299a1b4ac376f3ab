import { createPublicKey } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CloudEvent, type TopicDefinition } from '@wildlife/contracts';
import { createProducer, ensureTopics, toKafkaMessage, type MessageProducer } from '@wildlife/messaging';
import { generateNoteKeyPair } from '@wildlife/provenance-log';
import { createServiceApp, type KeyLookup, type PrincipalDirectory, type ServiceApp } from '@wildlife/service-kit';
import { createSignedFetch } from '@wildlife/signatures';
import { serviceTestEnvironment, waitUntil, type ServiceTestEnvironment } from '@wildlife/testing';
import { logSize } from '../../src/log/log-tables.js';
import { loadProvenanceConfig } from '../../src/provenance.config.js';
import { RECORD_TOPICS } from '../../src/records/record-topics.js';
import { defineProvenance } from '../../src/service.js';
import { trustRootsOf, type Cast, type Signer } from '../../src/testing/signed-records.examples.spec.js';

export const LOG_ORIGIN = 'test.wildlife.example/provenance-log';

/** A raw Kafka message, for what no producing service would send. */
export interface RawMessage {
  readonly key: string;
  readonly value: Buffer;
  readonly headers?: Record<string, string>;
}

/** The files a deployment gives the service: trust roots and the log's note key. */
export interface DeploymentFiles {
  readonly env: NodeJS.ProcessEnv;
  readonly verifierKey: string;
  remove(): Promise<void>;
}

export async function deploymentFiles(cast: Cast): Promise<DeploymentFiles> {
  const dir = await mkdtemp(join(tmpdir(), 'provenance-test-'));
  const { signerKey, verifierKey } = generateNoteKeyPair(LOG_ORIGIN);
  await writeFile(join(dir, 'trust-roots.json'), JSON.stringify(trustRootsOf(cast)));
  await writeFile(join(dir, 'log.key'), signerKey, { mode: 0o600 });
  return {
    env: { TRUST_ROOTS_FILE: join(dir, 'trust-roots.json'), PROVENANCE_LOG_KEY_FILE: join(dir, 'log.key'), PROVENANCE_LOG_ORIGIN: LOG_ORIGIN },
    verifierKey,
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** Signed HTTP callers for the cast's principals: an in-memory directory of their keys. */
export function directoryOf(cast: Cast): PrincipalDirectory {
  const signers: Signer[] = Object.values(cast);
  const lookups = new Map<string, KeyLookup>(signers.map((s) => [s.keyId, { principal: s.principal, publicKey: createPublicKey(s.privateKey) }]));
  return {
    resolveKey: (keyId) => lookups.get(keyId) ?? { refused: 'key_unknown' },
    principal: (id) => signers.find((s) => s.principal.id === id)?.principal,
  };
}

/** The provenance service on its own database and topic prefix, and a producer for the record topics. */
export class ProvenanceWorld {
  private constructor(
    readonly service: ServiceApp,
    readonly url: string,
    readonly environment: ServiceTestEnvironment,
    private readonly producer: MessageProducer,
  ) {}

  static async start(cast: Cast, files: DeploymentFiles, environment = serviceTestEnvironment('provenance', files.env)): Promise<ProvenanceWorld> {
    const service = await createServiceApp(defineProvenance(loadProvenanceConfig(environment.env), { principals: directoryOf(cast) }));
    const url = await service.listen();
    const prefix = environment.env.KAFKA_TOPIC_PREFIX!;
    const admin = service.kafka.admin();
    await admin.connect();
    await ensureTopics(admin, RECORD_TOPICS, { prefix });
    await admin.disconnect();
    const producer = createProducer(service.kafka);
    await producer.connect();
    return new ProvenanceWorld(service, url, environment, producer);
  }

  get prefix(): string {
    return this.environment.env.KAFKA_TOPIC_PREFIX!;
  }

  /** Publishes records (or raw messages) on a record topic, as their services would. */
  async publish(topic: TopicDefinition, ...messages: (CloudEvent | RawMessage)[]): Promise<void> {
    const outgoing = messages.map((m) => ('specversion' in m ? toKafkaMessage(m) : m));
    await this.producer.sendBatch(outgoing.map((m) => ({ topic: this.prefix + topic.name, key: m.key, value: m.value, headers: m.headers })));
  }

  as(signer: Signer) {
    const send = createSignedFetch({ baseUrl: this.url, key: { keyId: signer.keyId, privateKey: signer.privateKey }, signReads: true });
    return { get: (path: string) => send(path) };
  }

  async logSize(): Promise<number> {
    return logSize(this.service.pool);
  }

  async waitForLogSize(size: number, timeoutMs = 30_000): Promise<void> {
    await waitUntil(`the log holds ${size} entries`, async () => (await this.logSize()) >= size, { timeoutMs });
  }

  /** Closes the service; the database stays unless `dropDatabase`. */
  async close(dropDatabase: boolean): Promise<void> {
    await this.producer.disconnect();
    await this.service.close();
    if (dropDatabase) await this.environment.cleanup();
  }
}
