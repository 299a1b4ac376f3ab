// The body of the log publisher's thread (`LogTopicRelay` starts it, compiled): a `LogPublisher` with
// a database pool and a Kafka producer of its own, woken by the service's thread when entries were
// committed. On stop it finishes its pass, disconnects and exits; anything it throws ends the thread,
// which the service's side reports and starts again.
import { workerData } from 'node:worker_threads';
import { createProducer } from '@wildlife/messaging';
import { onSupervisorMessages, openServiceThreadResources, type ServiceThreadSettings } from '@wildlife/service-kit';
import { LogPublisher } from './log-publisher.js';

/** What `LogTopicRelay` starts this thread with. */
export interface LogPublisherWorkerData extends ServiceThreadSettings {
  readonly topicPrefix: string;
  /** The log's origin, in the `log-origin` header. */
  readonly origin: string;
}

const data = workerData as LogPublisherWorkerData;
const { logger, pool, kafka } = openServiceThreadResources(data, 'log-publisher', 2);
const publisher = new LogPublisher({ pool, producer: createProducer(kafka), topicPrefix: data.topicPrefix, origin: data.origin, logger });
publisher.start();
onSupervisorMessages({
  wake: () => publisher.wake(),
  stop: async () => {
    await publisher.stop();
    await pool.end();
  },
});
