// A freshly formatted broker creates __consumer_offsets and __transaction_state lazily, on the first
// FindCoordinator of each kind, and answers "coordinator not available / loading" until they are
// ready. kafkajs retries those, but logs each one as an ERROR, which a test asserting "no client error"
// would trip over. Asking for both coordinators once, right after start, absorbs that here, silently.
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;

/** Resolves once the group and transaction coordinators answer; kafkajs' own retries bound the wait (~30 s). */
export async function warmUpCoordinators(brokers) {
  const kafka = new Kafka({ clientId: 'infra-warm-up', brokers, logLevel: logLevel.NOTHING, retry: { retries: 10 } });
  const admin = kafka.admin();
  const transactional = kafka.producer({ transactionalId: 'infra-warm-up', idempotent: true, maxInFlightRequests: 1 });
  try {
    await admin.connect();
    await admin.describeGroups(['infra-warm-up']);
    await transactional.connect();
  } finally {
    await Promise.allSettled([transactional.disconnect(), admin.disconnect()]);
  }
}
