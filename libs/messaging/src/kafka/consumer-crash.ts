import type { ConsumerCrashEvent } from 'kafkajs';
import type { MessagingLogger } from './messaging-logger.js';

/** Called when the consumer is dead for good; the default exits the process. */
export type OnFatal = (error: Error) => void;

/** The part of a kafkajs `Consumer` that reports crashes. */
export interface CrashReporter {
  readonly events: { readonly CRASH: 'consumer.crash' };
  on(eventName: 'consumer.crash', listener: (event: ConsumerCrashEvent) => void): () => void;
}

/**
 * Calls `onFatal` when kafkajs reports a crash it will not restart from (a non-retriable error, or a
 * bug thrown out of the batch handler): without it the process would live on, healthy-looking, with a
 * consumer that consumes nothing. A crash kafkajs restarts from is only logged.
 * Returns the function that stops watching.
 */
export function watchForFatalCrash(
  consumer: CrashReporter,
  onFatal: OnFatal,
  context: { readonly groupId: string; readonly logger: MessagingLogger },
): () => void {
  return consumer.on(consumer.events.CRASH, ({ payload }) => {
    const fields = { groupId: context.groupId, err: payload.error };
    if (payload.restart) {
      context.logger.warn(fields, 'consumer crashed; kafkajs restarts it');
      return;
    }
    context.logger.error(fields, 'consumer crashed and kafkajs will not restart it');
    onFatal(payload.error);
  });
}

/** The default `OnFatal`: exit non-zero so the supervisor (systemd, Kubernetes, compose) starts a fresh process. */
export function exitProcessOnFatal(logger: MessagingLogger): OnFatal {
  return (error) => {
    logger.error({ err: error }, 'exiting: a Kafka consumer stopped for good');
    process.exit(1);
  };
}
