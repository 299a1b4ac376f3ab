import { InvalidSetting, type BaseSettings } from '@wildlife/config';
import { createServiceApp, type ServiceDefinition } from './service-app.js';

/**
 * The whole of a service's `main`: reads its config (a bad setting ends the process with one line
 * naming it), starts it, and on SIGTERM or SIGINT closes it gracefully within SHUTDOWN_TIMEOUT_MS,
 * after which it exits anyway (code 1); a close that completes exits 0 (1 if a part of it failed).
 * Closed once, whatever signals follow the first.
 */
export async function runService<S extends BaseSettings>(define: () => ServiceDefinition<S>): Promise<void> {
  let definition: ServiceDefinition<S>;
  try {
    definition = define();
  } catch (e) {
    if (e instanceof InvalidSetting) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const service = await createServiceApp(definition).catch((e: Error) => {
    process.stderr.write(`${definition.name} could not start: ${e.message}\n`);
    process.exit(1);
  });
  const url = await service.listen();
  service.logger.info({ url }, `${definition.name} listening on ${url}`);

  let stopping = false;
  const stop = (signal: string) => {
    // A second signal (a supervisor's SIGTERM after a terminal's SIGINT) finds the shutdown under way.
    if (stopping) {
      service.logger.info({ signal }, 'already shutting down');
      return;
    }
    stopping = true;
    service.logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      service.logger.error('shutdown timed out; exiting');
      process.exit(1);
    }, definition.settings.SHUTDOWN_TIMEOUT_MS).unref();
    // Exits as soon as the close is done: a client or timer left behind cannot keep the process up.
    service.close().then(
      () => {
        service.logger.info('stopped');
        process.exit(0);
      },
      (e: Error) => {
        service.logger.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
