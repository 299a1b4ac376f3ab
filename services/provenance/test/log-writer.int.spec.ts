import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { topics } from '@wildlife/contracts';
import type { TrustRoots } from '@wildlife/registry';
import { waitUntil } from '@wildlife/testing';
import { CheckpointTicker } from '../src/checkpoints/checkpoint-ticker.js';
import type { LogKey } from '../src/checkpoints/log-key.js';
import type { LoggableRecord } from '../src/classification/log-entry-of.js';
import { LogAppender } from '../src/log/log-appender.js';
import { ProvenanceLogWriter } from '../src/log/provenance-log-writer.js';
import { LOG_WRITER_LOCK, readEntries } from '../src/log/log-tables.js';
import { LOG_KEY, TRUST_ROOTS } from '../src/provenance.tokens.js';
import { newCast } from '../src/testing/signed-records.examples.spec.js';
import { deploymentFiles, ProvenanceWorld, type DeploymentFiles } from './support/provenance-world.js';
import { consumeTopic } from './support/topic-reader.js';

const records = (count: number): LoggableRecord[] => Array.from({ length: count }, () => ({ kind: 'unparsed', id: randomUUID(), type: 'unknown', problem: 'test' }));

/** Whether each plan made ahead stood under the lock, in order. */
function plansCommitted(): { readonly stood: boolean[]; restore(): void } {
  const stood: boolean[] = [];
  const prototype = ProvenanceLogWriter.prototype as unknown as { commitPlan: (...args: unknown[]) => Promise<boolean> };
  const original = prototype.commitPlan;
  const spy = jest.spyOn(prototype, 'commitPlan').mockImplementation(async function (this: unknown, ...args: unknown[]) {
    const result = await original.apply(this, args);
    stood.push(result);
    return result;
  });
  return { stood, restore: () => spy.mockRestore() };
}

describe('the log writer, with writes handed in while others run', () => {
  const cast = newCast();
  let files: DeploymentFiles;
  let world: ProvenanceWorld;
  let writer: ProvenanceLogWriter;
  let spied: ReturnType<typeof plansCommitted> | undefined;

  /** Another writer of the same log, as another instance of the service would have. */
  const otherWriter = () =>
    new ProvenanceLogWriter({
      pool: world.service.pool,
      trustRoots: world.service.app.get<TrustRoots>(TRUST_ROOTS),
      logKey: world.service.app.get<LogKey>(LOG_KEY),
    });
  const storedIds = async () => (await world.service.pool.query<{ record_id: string }>('SELECT record_id FROM log_entries ORDER BY sequence')).rows.map((r) => r.record_id);
  /** Writes found the log as this writer left it: from here on it plans ahead. */
  const quietWrites = async () => {
    for (const batch of [records(1), records(1), records(1), records(1)]) await writer.write(batch);
  };

  beforeAll(async () => {
    files = await deploymentFiles(cast);
    world = await ProvenanceWorld.start(cast, files);
    writer = world.service.app.get(ProvenanceLogWriter);
    // No timed checkpoint writes: the only writes here are the tests', so the lock's waiters are theirs.
    await world.service.app.get(CheckpointTicker).onApplicationShutdown();
  }, 60_000);

  afterEach(() => spied?.restore());

  afterAll(async () => {
    await world?.close(true);
    await files?.remove();
  });

  it('logs every record once, in the order handed in, repeats included, with plans made ahead', async () => {
    await quietWrites();
    spied = plansCommitted();
    const appender = new LogAppender((batch) => writer.write(batch), 50);
    const before = await storedIds();
    const fresh = records(600);
    const repeated = fresh.slice(0, 40).map((r) => ({ ...r }));
    const again = before.slice(0, 3).map((id): LoggableRecord => ({ kind: 'unparsed', id, type: 'unknown', problem: 'test' }));
    await Promise.all([...fresh, ...repeated, ...again].map((record) => appender.append(record)));

    expect(await storedIds()).toEqual([...before, ...fresh.map((r) => r.id)]);
    expect(spied.stood.filter((stood) => stood).length).toBeGreaterThan(0);
    expect(spied.stood).not.toContain(false);
    expect(writer.committedTree()?.size).toBe(before.length + fresh.length);
  });

  it('drops a plan made ahead when another writer came in first, and logs the same as without it', async () => {
    await quietWrites();
    spied = plansCommitted();
    const other = otherWriter();
    const holder = await world.service.pool.connect();
    const waiters = async () =>
      // The writer lock of this test's database only: other tests' databases wait on advisory locks of their own.
      Number(
        (
          await world.service.pool.query<{ n: string }>(
            `SELECT count(*) AS n FROM pg_locks
              WHERE locktype = 'advisory' AND NOT granted AND classid = $1 AND objid = $2 AND objsubid = 2
                AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
            [...LOG_WRITER_LOCK],
          )
        ).rows[0]!.n,
      );
    try {
      const before = await storedIds();
      await holder.query('BEGIN');
      await holder.query('SELECT pg_advisory_xact_lock($1, $2)', [...LOG_WRITER_LOCK]);
      const theirs = records(30);
      const otherWrote = other.write(theirs);
      await waitUntil('the other writer waits for the lock', async () => (await waiters()) === 1);
      const [first, second] = [records(20), records(20)];
      const wrote = [writer.write(first), writer.write(second)];
      await waitUntil('this writer waits for the lock too', async () => (await waiters()) === 2);
      await holder.query('COMMIT');
      await Promise.all([otherWrote, ...wrote]);

      expect(spied.stood[0]).toBe(false);
      expect(await storedIds()).toEqual([...before, ...[...theirs, ...first, ...second].map((r) => r.id)]);
      // A writer starting afresh replays the stored log and checks it against the latest checkpoint.
      const fresh = otherWriter();
      await expect(fresh.write([])).resolves.toEqual([]);
      await fresh.onApplicationShutdown();
    } finally {
      holder.release();
      await other.onApplicationShutdown();
    }
  }, 60_000);

  it('publishes every entry on the log topic in order, pages too large for one send included', async () => {
    // Entries of about 2 KiB: a relay page of 500 holds more than one send may carry.
    const large = Array.from({ length: 700 }, (): LoggableRecord => ({ kind: 'unparsed', id: randomUUID(), type: `large.${'x'.repeat(2_000)}`, problem: 'test' }));
    const appender = new LogAppender((batch) => writer.write(batch), 200);
    await Promise.all(large.map((record) => appender.append(record)));
    const size = await world.logSize();
    const stored = await readEntries(world.service.pool, 0, size);
    const published = await consumeTopic(world.service.kafka, world.prefix + topics.provenanceLog.name, size, 60_000);
    expect(published.map((m) => [m.key, m.value])).toEqual(stored.map((e) => [String(e.sequence), e.leafBytes]));
  }, 90_000);
});
