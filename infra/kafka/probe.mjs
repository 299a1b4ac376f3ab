// Asks a broker for cluster metadata with kafkajs, the client the services use, so "ready" means ready
// for them and not merely "the port is open".
import kafkajs from 'kafkajs';

const { Kafka, logLevel } = kafkajs;

/** Resolves true when the brokers answer a metadata request within `timeoutMs`, false otherwise. Never throws. */
export async function brokerAnswers(brokers, timeoutMs = 3_000) {
  const kafka = new Kafka({
    clientId: 'infra-probe',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: timeoutMs,
    requestTimeout: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.fetchTopicMetadata({ topics: [] });
    return true;
  } catch {
    return false;
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

/** Splits a `KAFKA_BROKERS`-style list ("h1:9092,h2:9092") into kafkajs' broker array. */
export function parseBrokerList(list) {
  return list
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}
