import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { Logger } from 'pino';

const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/**
 * kafkajs lines that say nothing wrong in this system, logged at debug instead of their level:
 * - every CreateTopics response that carries a topic error, logged at ERROR before the admin client
 *   looks at it: when services start together, the topics one of them created first come back as
 *   TOPIC_ALREADY_EXISTS to the others, which is no error here, and a real failure reaches
 *   `ensureTopics`' caller, which logs it;
 * - the WARN at each idempotent producer's creation that bounded retries "may invalidate EoS
 *   guarantees": the bound is chosen (`createProducer`: the outbox relay retries the whole batch
 *   itself), and nothing here relies on Kafka transactions; effects are exactly-once by the inbox.
 */
const EXPECTED = ['Response CreateTopics', 'Limiting retries for the idempotent producer'];

function levelOf(level: number, message: unknown): 'error' | 'warn' | 'info' | 'debug' {
  if (typeof message === 'string' && EXPECTED.some((start) => message.startsWith(start))) return 'debug';
  return levels[level] ?? 'info';
}

/** A kafkajs client whose logs go to the service's pino logger. */
export function createKafka(options: { brokers: string[]; clientId: string; logger: Logger; retries?: number }): Kafka {
  const child = options.logger.child({ component: 'kafkajs' });
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    logLevel: logLevel.WARN,
    ...(options.retries === undefined ? {} : { retry: { retries: options.retries } }),
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...rest } = log;
        child[levelOf(level, message)](rest, message);
      },
  });
}
