// Starts, waits for, stops and kills the project's single-node Kafka broker (KRaft, broker+controller in
// one JVM) on 127.0.0.1. The broker runs detached from whoever started it and outlives it; its pid is in
// .local/kafka/broker.pid and its output in .local/kafka/broker.log.
import { randomBytes } from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, renameSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { kafkaDataDir, kafkaDir, kafkaLogFile, kafkaPropertiesFile } from '../paths.mjs';
import { javaBinary, requireJava, requireMaven } from '../prerequisites.mjs';
import { kafkaDistribution } from './distribution.mjs';
import { ensureKafkaJars, kafkaJarsAreCached } from './jars.mjs';
import { serverProperties } from './server-properties.mjs';
import { brokerAnswers } from './probe.mjs';
import { warmUpCoordinators } from './warm-up.mjs';
import { forgetBrokerPid, recordBrokerPid, runningBrokerPid, waitForExit } from './broker-process.mjs';

export const brokerHost = '127.0.0.1';

export class BrokerDidNotBecomeReady extends Error {
  constructor(brokers, timeoutMs, reason) {
    super(`Kafka broker ${brokers.join(',')} did not answer a metadata request within ${timeoutMs} ms (${reason}); see ${kafkaLogFile}`);
    this.name = 'BrokerDidNotBecomeReady';
  }
}

export class KafkaStorageCouldNotBeFormatted extends Error {
  constructor(output) {
    super(`kafka.tools.StorageTool format failed:\n${output}`);
    this.name = 'KafkaStorageCouldNotBeFormatted';
  }
}

/** Ports from the environment: KAFKA_PORT (default 9092) and KAFKA_CONTROLLER_PORT (default KAFKA_PORT + 1). */
export function brokerPorts(env = process.env) {
  const port = Number.parseInt(env.KAFKA_PORT ?? '9092', 10);
  const controllerPort = Number.parseInt(env.KAFKA_CONTROLLER_PORT ?? String(port + 1), 10);
  return { port, controllerPort };
}

/** The bootstrap list for the local broker, e.g. ['127.0.0.1:9092']. */
export function localBrokers(env = process.env) {
  return [`${brokerHost}:${brokerPorts(env).port}`];
}

function loggingOptions(distribution) {
  const here = (name) => fileURLToPath(new URL(name, import.meta.url));
  return distribution.logging === 'log4j2'
    ? [`-Dlog4j2.configurationFile=${here('./log4j2.xml')}`]
    : [`-Dlog4j.configuration=file:${here('./log4j.properties')}`];
}

/** JVM options sized for a 2-core machine shared with the services and their tests. */
function jvmOptions(distribution, jars) {
  return [
    '-Xms256m',
    '-Xmx512m',
    '-XX:+UseG1GC',
    '-XX:MaxGCPauseMillis=20',
    '-XX:InitiatingHeapOccupancyPercent=35',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dkafka.logs.dir=${join(kafkaDir, 'logs')}`,
    ...loggingOptions(distribution),
    '-cp',
    jars.join(':'),
  ];
}

/** A Kafka cluster id: 16 random bytes in URL-safe base64, never starting with '-' (Kafka refuses those). */
export function newClusterId() {
  for (;;) {
    const id = randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

function formatStorageOnce(distribution, jars) {
  if (existsSync(join(kafkaDataDir, 'meta.properties'))) return false;
  const mode = distribution.major >= 4 ? ['--standalone'] : [];
  const result = spawnSync(
    javaBinary(),
    [...jvmOptions(distribution, jars), 'kafka.tools.StorageTool', 'format', '-t', newClusterId(), '-c', kafkaPropertiesFile, ...mode],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new KafkaStorageCouldNotBeFormatted(`${result.stdout}${result.stderr}`.trim());
  return true;
}

function prepareJars(distribution, log) {
  requireJava();
  if (kafkaJarsAreCached(distribution)) return ensureKafkaJars(distribution);
  requireMaven();
  log(`fetching Apache Kafka ${distribution.version} and its dependencies with Maven`);
  return ensureKafkaJars(distribution);
}

/**
 * Starts the broker detached on the configured ports and returns without waiting for it (see
 * waitForBroker). Guarantees: jars are fetched only when not cached; storage is formatted only when
 * the data dir has never been formatted, so a restart keeps every topic and offset; the previous log is
 * kept as broker.log.1. Does nothing but return the pid if this project's broker already runs.
 * @returns {{ pid: number, started: boolean, fetchedJars: boolean, formatted: boolean }}
 */
export function startBroker({ distribution = kafkaDistribution, env = process.env, log = () => {} } = {}) {
  const existing = runningBrokerPid();
  if (existing !== null) return { pid: existing, started: false, fetchedJars: false, formatted: false };

  const { jars, fetched } = prepareJars(distribution, log);
  mkdirSync(kafkaDataDir, { recursive: true });
  const { port, controllerPort } = brokerPorts(env);
  writeFileSync(
    kafkaPropertiesFile,
    serverProperties({ major: distribution.major, host: brokerHost, port, controllerPort, dataDir: kafkaDataDir }),
  );
  const formatted = formatStorageOnce(distribution, jars);

  if (existsSync(kafkaLogFile)) renameSync(kafkaLogFile, `${kafkaLogFile}.1`);
  const logFd = openSync(kafkaLogFile, 'a');
  const broker = spawn(javaBinary(), [...jvmOptions(distribution, jars), 'kafka.Kafka', kafkaPropertiesFile], {
    detached: true,
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  broker.unref();
  recordBrokerPid(broker.pid);
  return { pid: broker.pid, started: true, fetchedJars: fetched, formatted };
}

function lastLogLines(count) {
  try {
    return readFileSync(kafkaLogFile, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
  } catch {
    return '';
  }
}

/**
 * Resolves once `brokers` answer a kafkajs metadata request; rejects with BrokerDidNotBecomeReady after
 * `timeoutMs`, or at once (with the log's tail) if `pid` is given and that process has exited.
 */
export async function waitForBroker({ brokers = localBrokers(), timeoutMs = 60_000, pid } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await brokerAnswers(brokers, 2_000)) return;
    if (pid !== undefined && runningBrokerPid() !== pid) {
      throw new BrokerDidNotBecomeReady(brokers, timeoutMs, `the broker process ${pid} exited:\n${lastLogLines(20)}\n`);
    }
    if (Date.now() >= deadline) throw new BrokerDidNotBecomeReady(brokers, timeoutMs, 'timed out');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Starts the broker again on the same data dir and ports (e.g. after killBroker()) and resolves once it
 * answers and its group and transaction coordinators have loaded, so clients created afterwards see
 * no "coordinator loading" errors. Returns the new pid.
 */
export async function restartBroker({ timeoutMs = 60_000 } = {}) {
  const { pid } = startBroker();
  const brokers = localBrokers();
  await waitForBroker({ brokers, timeoutMs, pid });
  await warmUpCoordinators(brokers);
  return pid;
}

/** SIGKILLs this project's broker, as a crash would, and waits until it is gone. Returns the pid killed, or null if none ran. */
export async function killBroker() {
  const pid = runningBrokerPid();
  if (pid === null) return null;
  process.kill(pid, 'SIGKILL');
  await waitForExit(pid, 10_000);
  forgetBrokerPid();
  return pid;
}

/** Stops this project's broker: SIGTERM for a clean shutdown, SIGKILL if it is still there after `timeoutMs`. */
export async function stopBroker(timeoutMs = 20_000) {
  const pid = runningBrokerPid();
  if (pid === null) return null;
  process.kill(pid, 'SIGTERM');
  if (!(await waitForExit(pid, timeoutMs))) {
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 10_000);
  }
  forgetBrokerPid();
  return pid;
}
