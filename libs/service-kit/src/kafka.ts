import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { Logger } from 'pino';

const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

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
        child[levels[level] ?? 'info'](rest, message);
      },
  });
}
