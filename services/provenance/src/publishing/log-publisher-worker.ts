// The body of the `LogPublisherThread` worker: a `LogPublisher` with a database pool and a Kafka
// producer of its own, told by the service's thread when entries were committed ('wake') and when
// to finish ('stop'). It exits once stopped and disconnected; anything it throws ends the thread,
// which the service's side reports and starts again.
import { parentPort, workerData } from 'node:worker_threads';
import { createProducer } from '@wildlife/messaging';
import { createKafka, createLogger } from '@wildlife/service-kit';
import pg from 'pg';
import { LogPublisher } from './log-publisher.js';
import type { LogPublisherThreadSettings, ToLogPublisher } from './log-publisher-thread.js';

const settings = workerData as LogPublisherThreadSettings;
const logger = createLogger(settings.service, settings.logLevel).child({ component: 'log-publisher', thread: 'worker' });
const pool = new pg.Pool({ connectionString: settings.databaseUrl, max: 2, connectionTimeoutMillis: 5_000, application_name: settings.applicationName });
pool.on('error', (err) => logger.warn({ err }, 'idle PostgreSQL connection failed'));
const kafka = createKafka({ brokers: [...settings.brokers], clientId: settings.clientId, logger });
const publisher = new LogPublisher({ pool, producer: createProducer(kafka), topicPrefix: settings.topicPrefix, origin: settings.origin, logger });
publisher.start();

parentPort!.on('message', (message: ToLogPublisher) => {
  if (message === 'wake') {
    publisher.wake();
    return;
  }
  void publisher
    .stop()
    .then(() => pool.end())
    .finally(() => process.exit(0));
});
