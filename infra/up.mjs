// `npm run infra:up`: PostgreSQL and Kafka for local runs and tests. Prints KAFKA_BROKERS=… and
// DATABASE_URL=… last, so `eval "$(npm run -s infra:up | grep =)"` or a grep can pick them up.
import { ensureInfrastructure } from './index.mjs';

const log = (line) => console.error(`infra: ${line}`);
try {
  const state = await ensureInfrastructure({ log });
  console.log(`KAFKA_BROKERS=${state.kafkaBrokers}`);
  console.log(`DATABASE_URL=${state.databaseUrl}`);
  process.exit(0);
} catch (error) {
  console.error(error.name === 'RequiredProgramIsMissing' ? error.message : `infra:up failed: ${error.message}`);
  process.exit(1);
}
