// Serialises broker starts across processes: two `infra:up` (or test harnesses) racing on a stopped
// broker must not both format the storage and spawn a JVM. The lock is a file created exclusively and
// holding its owner's pid; a lock whose owner died is taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { kafkaDir } from '../paths.mjs';
import { processExists } from './broker-process.mjs';

const lockFile = join(kafkaDir, 'start.lock');

export class BrokerStartLockIsHeld extends Error {
  constructor(owner, timeoutMs) {
    super(`another process (pid ${owner}) has been starting the Kafka broker for over ${timeoutMs} ms; remove ${lockFile} if it is gone`);
    this.name = 'BrokerStartLockIsHeld';
  }
}

function tryLock() {
  try {
    const fd = openSync(lockFile, 'wx');
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return null;
  } catch (error) {
    if (error.code !== 'EEXIST') throw error;
    const owner = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    if (!Number.isInteger(owner) || !processExists(owner)) {
      rmSync(lockFile, { force: true });
      return tryLock();
    }
    return owner;
  }
}

/** Runs `action` while holding the start lock, waiting up to `timeoutMs` for another holder to finish. */
export async function withBrokerStartLock(action, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const owner = tryLock();
    if (owner === null) break;
    if (Date.now() >= deadline) throw new BrokerStartLockIsHeld(owner, timeoutMs);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  try {
    return await action();
  } finally {
    rmSync(lockFile, { force: true });
  }
}
