import { describe, expect, it } from '@jest/globals';
import type { ConsumerCrashEvent } from 'kafkajs';
import { watchForFatalCrash, type CrashReporter } from './consumer-crash.js';
import type { MessagingLogger } from './messaging-logger.js';

/** Stands in for a kafkajs consumer: only its CRASH instrumentation event. */
function crashingConsumer() {
  const listeners = new Set<(event: ConsumerCrashEvent) => void>();
  const consumer: CrashReporter = {
    events: { CRASH: 'consumer.crash' },
    on: (_eventName, listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const crash = (error: Error, restart: boolean) => {
    for (const listener of listeners) listener({ id: '1', type: 'consumer.crash', timestamp: 0, payload: { error, groupId: 'g', restart } });
  };
  return { consumer, crash };
}

const quiet: MessagingLogger = { info: () => undefined, warn: () => undefined, error: () => undefined };

describe('watching a consumer for a crash it will not recover from', () => {
  it('calls onFatal with the error when kafkajs will not restart the consumer', () => {
    const { consumer, crash } = crashingConsumer();
    const fatal: Error[] = [];
    watchForFatalCrash(consumer, (error) => fatal.push(error), { groupId: 'g', logger: quiet });
    const error = new Error('The session timeout is not within the range allowed by the broker');

    crash(error, false);

    expect(fatal).toEqual([error]);
  });

  it('leaves a crash kafkajs restarts from to kafkajs', () => {
    const { consumer, crash } = crashingConsumer();
    const fatal: Error[] = [];
    watchForFatalCrash(consumer, (error) => fatal.push(error), { groupId: 'g', logger: quiet });

    crash(new Error('Connection timeout'), true);

    expect(fatal).toEqual([]);
  });

  it('stops calling onFatal once the watch is removed', () => {
    const { consumer, crash } = crashingConsumer();
    const fatal: Error[] = [];
    const stopWatching = watchForFatalCrash(consumer, (error) => fatal.push(error), { groupId: 'g', logger: quiet });

    stopWatching();
    crash(new Error('late'), false);

    expect(fatal).toEqual([]);
  });
});
