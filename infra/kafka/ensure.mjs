// Makes sure a Kafka broker answers: the one named by KAFKA_BROKERS, else this project's local broker,
// started if need be.
import { mkdirSync } from 'node:fs';
import { kafkaDir, kafkaLogFile } from '../paths.mjs';
import { localBrokers, startBroker, waitForBroker } from './broker.mjs';
import { runningBrokerPid } from './broker-process.mjs';
import { brokerAnswers, parseBrokerList } from './probe.mjs';
import { withBrokerStartLock } from './start-lock.mjs';
import { warmUpCoordinators } from './warm-up.mjs';

/**
 * Guarantees on success: the brokers answer a kafkajs metadata request and, if this call started the
 * broker, its group and transaction coordinators are loaded. Concurrent callers start at most one broker.
 * @returns {Promise<{ brokers: string[], started: boolean, source: string }>}
 *   `started` is true only when this call launched the broker.
 */
export async function ensureKafka({ env = process.env, log = () => {}, timeoutMs = 90_000 } = {}) {
  if (env.KAFKA_BROKERS) {
    const brokers = parseBrokerList(env.KAFKA_BROKERS);
    await waitForBroker({ brokers, timeoutMs: 15_000 });
    return { brokers, started: false, source: `KAFKA_BROKERS (${brokers.join(',')})` };
  }

  const brokers = localBrokers(env);
  mkdirSync(kafkaDir, { recursive: true });
  return withBrokerStartLock(async () => {
    const running = runningBrokerPid();
    if (running !== null) {
      await waitForBroker({ brokers, timeoutMs, pid: running });
      return { brokers, started: false, source: `the project’s broker (pid ${running}), already running` };
    }
    if (await brokerAnswers(brokers)) {
      return { brokers, started: false, source: `a broker already on ${brokers.join(',')} (not started by this project)` };
    }

    const launch = startBroker({ env, log });
    if (launch.formatted) log('formatted the Kafka storage (first start)');
    log(`started the Kafka broker (pid ${launch.pid}), waiting for it; log: ${kafkaLogFile}`);
    await waitForBroker({ brokers, timeoutMs, pid: launch.pid });
    await warmUpCoordinators(brokers);
    return { brokers, started: true, source: `the project’s broker (pid ${launch.pid}), started` };
  });
}
