// The body of the log publisher's thread (`LogTopicRelay` starts it, compiled): a `LogPublisher` with
// a database pool and a Kafka producer of its own, at a lower CPU priority than the rest of the
// service, woken by the service's thread when entries were committed. On stop it finishes its pass,
// disconnects and exits; anything it throws ends the thread, which the service's side reports and
// starts again.
import { workerData } from 'node:worker_threads';
import { createProducer } from '@wildlife/messaging';
import { lowerThisThreadPriority, onSupervisorMessages, openServiceThreadResources, type ServiceThreadSettings } from '@wildlife/service-kit';
import { LogPublisher } from './log-publisher.js';

/** What `LogTopicRelay` starts this thread with. */
export interface LogPublisherWorkerData extends ServiceThreadSettings {
  readonly topicPrefix: string;
  /** The log's origin, in the `log-origin` header. */
  readonly origin: string;
}

/** The publisher thread's `nice`: below the writer's thread and PostgreSQL's backends (0). */
const PUBLISHER_NICE = 10;

const data = workerData as LogPublisherWorkerData;
const { logger, pool, kafka } = openServiceThreadResources(data, 'log-publisher', 2);
// Publication catches up after a burst; the log's writes (the writer, PostgreSQL) go first meanwhile.
if (!lowerThisThreadPriority(PUBLISHER_NICE)) logger.info({ nice: PUBLISHER_NICE }, "could not lower the log publisher thread's priority; it runs at the process's");
const publisher = new LogPublisher({ pool, producer: createProducer(kafka), topicPrefix: data.topicPrefix, origin: data.origin, logger });
publisher.start();
onSupervisorMessages({
  wake: () => publisher.wake(),
  stop: async () => {
    await publisher.stop();
    await pool.end();
  },
});
