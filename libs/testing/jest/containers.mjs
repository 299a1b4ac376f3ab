import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/**
 * Kafka and PostgreSQL in containers, for machines with a container runtime. Not exercised on the
 * project's own CI machines (no container engine there); the local broker path is.
 */
// The same Kafka version the local broker runs (infra/kafka/version.json).
const kafkaVersion = JSON.parse(readFileSync(new URL('../../../infra/kafka/version.json', import.meta.url), 'utf8')).kafka;
export const KAFKA_IMAGE = `apache/kafka:${kafkaVersion}`;
export const POSTGRES_IMAGE = 'postgres:17-alpine';

/** True when testcontainers finds a working Docker or Podman. */
/** @returns {Promise<boolean>} */
export async function containerRuntimeAvailable() {
  if (process.env.TESTCONTAINERS_DISABLED === 'true') return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    await getContainerRuntimeClient();
    return true;
  } catch {
    return false;
  }
}

/** @returns {Promise<{ kafkaBrokers: string, databaseUrl: string, stop(): Promise<void> }>} */
export async function startContainers() {
  const { GenericContainer, Wait } = await import('testcontainers');
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  // The broker must advertise the port the host sees; binding the same number inside and outside
  // makes that port known before the container starts.
  const port = await freePort();
  const kafka = await new GenericContainer(KAFKA_IMAGE)
    .withExposedPorts({ container: port, host: port })
    .withEnvironment({
      KAFKA_NODE_ID: '1',
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_LISTENERS: `PLAINTEXT://:${port},CONTROLLER://:9093`,
      KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${port}`,
      KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
      KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
    })
    .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
    .start();
  const postgres = await new PostgreSqlContainer(POSTGRES_IMAGE).withUsername('postgres').withPassword('postgres').start();
  return {
    kafkaBrokers: `127.0.0.1:${port}`,
    databaseUrl: postgres.getConnectionUri(),
    async stop() {
      await Promise.all([kafka.stop(), postgres.stop()]);
    },
  };
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
