import { InvalidSetting, type BaseSettings } from '@wildlife/config';
import { createLogger } from './logger.js';
import { createServiceApp, type ServiceApp, type ServiceDefinition } from './service-app.js';

/**
 * The whole of a service's `main`: reads its config (a bad setting ends the process with one line
 * naming it), starts it, and on SIGTERM or SIGINT closes it gracefully within SHUTDOWN_TIMEOUT_MS,
 * after which it exits anyway (code 1); a close that completes exits 0 (1 if a part of it failed).
 *
 * The signal handlers are in place before anything starts, and stay for the life of the process:
 * - the first signal starts the shutdown; any signal after it (a supervisor's SIGTERM after a
 *   terminal's SIGINT, a repeated SIGTERM) is logged and changes nothing, so Node's default action
 *   (exit at once) never cuts a graceful close short;
 * - a signal during start-up is taken the same way, once start-up is over: it is not cut in the
 *   middle of a migration; a service signalled before it listened never listens, and closes;
 * - as PID 1 in a container, where the kernel ignores a signal that has no handler, SIGTERM still
 *   stops the service.
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
  const { name, settings } = definition;
  const logger = createLogger(name, settings.LOG_LEVEL);

  let service: ServiceApp | undefined;
  let signalled = false;
  const startUp = (async () => {
    logger.info(`${name} starting`);
    service = await createServiceApp(definition, { logger });
    // A signal while the app was being built: close it without ever listening.
    if (signalled) return;
    const url = await service.listen();
    logger.info({ url }, `${name} listening on ${url}`);
  })();

  const shutDown = async () => {
    // Start-up ends first, whichever way: a half-built app is not closed under its own feet.
    if ((await startUp.then(() => true, () => false)) === false || service === undefined) return;
    // Exits as soon as the close is done: a client or timer left behind cannot keep the process up.
    try {
      await service.close();
      logger.info('stopped');
      process.exit(0);
    } catch (e) {
      logger.error({ err: e }, 'shutdown failed');
      process.exit(1);
    }
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled) {
      logger.info({ signal }, 'already shutting down');
      return;
    }
    signalled = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error({ timeoutMs: settings.SHUTDOWN_TIMEOUT_MS }, 'shutdown timed out; exiting');
      process.exit(1);
    }, settings.SHUTDOWN_TIMEOUT_MS).unref();
    void shutDown();
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  try {
    await startUp;
  } catch (e) {
    process.stderr.write(`${name} could not start: ${(e as Error).message}\n`);
    process.exit(1);
  }
}
