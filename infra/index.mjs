// The local infrastructure as functions, for the CLI scripts (up.mjs, down.mjs) and for test harnesses
// that want it in-process: PostgreSQL with one database per service, and a Kafka broker.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { infraStateFile, localDir } from './paths.mjs';
import { ensurePostgres } from './postgres/ensure.mjs';
import { ensureDatabase, serviceDatabases } from './postgres/databases.mjs';
import { stopEmbeddedPostgres } from './postgres/embedded.mjs';
import { ensureKafka } from './kafka/ensure.mjs';
import { stopBroker } from './kafka/broker.mjs';

export { ensureDatabase, serviceDatabases, databaseUrlFor } from './postgres/databases.mjs';
export { ensurePostgres } from './postgres/ensure.mjs';
export { ensureKafka } from './kafka/ensure.mjs';
export { startBroker, waitForBroker, restartBroker, killBroker, stopBroker, localBrokers } from './kafka/broker.mjs';
export { RequiredProgramIsMissing } from './prerequisites.mjs';

/**
 * @typedef {object} InfraState
 * @property {string} kafkaBrokers                       comma-separated bootstrap list, as KAFKA_BROKERS takes it
 * @property {string} databaseUrl                        admin URL; services swap the database name for their own
 * @property {boolean} startedKafka                      this call launched the broker
 * @property {'embedded' | 'cluster' | null} startedPostgres  what this call had to start
 */

/**
 * Brings up PostgreSQL (with the service databases: `databases`, by default the five services'
 * default names) and Kafka, then records the outcome in .local/infra.json. Idempotent: with
 * everything already up it only re-checks that both answer.
 * @param {{ env?: NodeJS.ProcessEnv, log?: (line: string) => void, databases?: readonly string[] }} [options]
 * @returns {Promise<InfraState>}
 */
export async function ensureInfrastructure({ env = process.env, log = () => {}, databases = serviceDatabases } = {}) {
  const postgres = await ensurePostgres({ env, log });
  log(`PostgreSQL: ${postgres.source}`);
  for (const name of databases) {
    if (await ensureDatabase(postgres.adminUrl, name)) log(`created database ${name}`);
  }
  const kafka = await ensureKafka({ env, log });
  log(`Kafka: ${kafka.source}`);

  const state = {
    kafkaBrokers: kafka.brokers.join(','),
    databaseUrl: postgres.adminUrl,
    startedKafka: kafka.started,
    startedPostgres: postgres.started,
  };
  mkdirSync(localDir, { recursive: true });
  writeFileSync(infraStateFile, `${JSON.stringify(state, null, 2)}\n`);
  return state;
}

/** The state the last ensureInfrastructure() recorded, or null if it never ran here. */
export function readInfrastructure() {
  try {
    return JSON.parse(readFileSync(infraStateFile, 'utf8'));
  } catch {
    return null;
  }
}

/**
 * Stops what this project started: its Kafka broker (by pid file) and its embedded PostgreSQL (by
 * marker file). Never touches the machine's own PostgreSQL cluster nor a broker it did not start.
 */
export async function stopInfrastructure({ log = () => {} } = {}) {
  const brokerPid = await stopBroker();
  log(brokerPid === null ? 'Kafka: no broker of this project was running' : `Kafka: stopped the broker (pid ${brokerPid})`);
  const stoppedPostgres = await stopEmbeddedPostgres();
  log(stoppedPostgres ? 'PostgreSQL: stopped the embedded server' : 'PostgreSQL: nothing of this project to stop');
}
