import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { Logger } from 'pino';

const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/**
 * kafkajs logs, at ERROR, every CreateTopics response that carries a topic error, before its admin
 * client looks at it: when services start together, the topics one of them created first come back as
 * TOPIC_ALREADY_EXISTS to the others, which is no error here. A real failure reaches `ensureTopics`'
 * caller, which logs it, so these lines go out at debug.
 */
function levelOf(level: number, message: unknown): 'error' | 'warn' | 'info' | 'debug' {
  if (typeof message === 'string' && message.startsWith('Response CreateTopics')) return 'debug';
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
