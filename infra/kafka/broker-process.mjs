// The broker's pid file and the liveness of the process it names. A pid is trusted only while the
// process behind it is still a Kafka broker, so a recycled pid never gets signalled.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { kafkaPidFile } from '../paths.mjs';

function commandLineOf(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return null;
  }
}

function isKafkaBroker(pid) {
  const argv = commandLineOf(pid);
  return argv !== null && argv.includes('kafka.Kafka');
}

/** The pid of the broker this project started, or null when none is running (a stale pid file is removed). */
export function runningBrokerPid() {
  if (!existsSync(kafkaPidFile)) return null;
  const pid = Number.parseInt(readFileSync(kafkaPidFile, 'utf8'), 10);
  if (Number.isInteger(pid) && isKafkaBroker(pid)) return pid;
  rmSync(kafkaPidFile, { force: true });
  return null;
}

export function recordBrokerPid(pid) {
  writeFileSync(kafkaPidFile, `${pid}\n`);
}

export function forgetBrokerPid() {
  rmSync(kafkaPidFile, { force: true });
}

/** True while `pid` exists (zombies included: a detached broker is reaped by init, not by us). */
export function processExists(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** Resolves true once `pid` is gone, false if it is still there after `timeoutMs`. */
export async function waitForExit(pid, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!processExists(pid) || !isKafkaBroker(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}
