// `npm run infra:down`: stops the Kafka broker and the embedded PostgreSQL if this project started them.
import { stopInfrastructure } from './index.mjs';

try {
  await stopInfrastructure({ log: (line) => console.log(`infra: ${line}`) });
  process.exit(0);
} catch (error) {
  console.error(`infra:down failed: ${error.message}`);
  process.exit(1);
}
