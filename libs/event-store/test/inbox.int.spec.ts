import { randomUUID } from 'node:crypto';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@wildlife/testing';
import { eventStoreMigrations, migrate, processBatchOnce, processOnce, TransactionWasRolledBack } from '@wildlife/event-store';
import { count, migratedDatabase } from './event-store.fixtures.js';

let db: TestDatabase;
let pool: pg.Pool;

beforeAll(async () => {
  ({ db, pool } = await migratedDatabase('event-store-inbox', { max: 12 }));
  await pool.query('CREATE TABLE effects (id serial PRIMARY KEY, message_id text NOT NULL)');
});

afterAll(async () => {
  await db.drop();
});

/** The effect under test: one row per run, written with the inbox's client. */
const recordEffect = (messageId: string) => async (client: pg.PoolClient) => {
  await client.query('INSERT INTO effects (message_id) VALUES ($1)', [messageId]);
  return `done ${messageId}`;
};

const effectsOf = (messageId: string) => count(pool, 'effects', 'message_id = $1', [messageId]);

/** The source of most messages here; CloudEvents makes an id unique within its source. */
const SOURCE = '/wildlife/request-intake';
const from = (messageId: string, source = SOURCE) => ({ source, messageId });

describe('processing a message once', () => {
  it('runs the effect for a new message and reports its result', async () => {
    const messageId = randomUUID();

    const outcome = await processOnce(pool, 'notifier', from(messageId), recordEffect(messageId));

    expect(outcome).toEqual({ duplicate: false, result: `done ${messageId}` });
    expect(await effectsOf(messageId)).toBe(1);
  });

  it('skips a redelivered message, reporting it as a duplicate', async () => {
    const messageId = randomUUID();
    await processOnce(pool, 'notifier', from(messageId), recordEffect(messageId));

    const outcome = await processOnce(pool, 'notifier', from(messageId), recordEffect(messageId));

    expect(outcome).toEqual({ duplicate: true });
    expect(await effectsOf(messageId)).toBe(1);
  });

  it('has exactly one effect when the same message is delivered concurrently', async () => {
    const messageId = randomUUID();

    const outcomes = await Promise.all(
      Array.from({ length: 8 }, () => processOnce(pool, 'notifier', from(messageId), recordEffect(messageId))),
    );

    expect(outcomes.filter((o) => !o.duplicate)).toHaveLength(1);
    expect(await effectsOf(messageId)).toBe(1);
  });

  it('keeps consumers apart: another consumer processes the same message id', async () => {
    const messageId = randomUUID();
    await processOnce(pool, 'notifier', from(messageId), recordEffect(messageId));

    const outcome = await processOnce(pool, 'provenance', from(messageId), recordEffect(messageId));

    expect(outcome.duplicate).toBe(false);
    expect(await effectsOf(messageId)).toBe(2);
  });

  it('forgets a message whose effect failed, so its redelivery is processed', async () => {
    const messageId = randomUUID();
    const failing = processOnce(pool, 'notifier', from(messageId), async (client) => {
      await recordEffect(messageId)(client);
      throw new Error('downstream refused');
    });
    await expect(failing).rejects.toThrow('downstream refused');
    expect(await effectsOf(messageId)).toBe(0);

    const retried = await processOnce(pool, 'notifier', from(messageId), recordEffect(messageId));

    expect(retried.duplicate).toBe(false);
    expect(await effectsOf(messageId)).toBe(1);
  });

  it('reports an effect that swallowed a failed statement as rolled back, so its redelivery is processed', async () => {
    const messageId = randomUUID();
    const swallowing = processOnce(pool, 'notifier', from(messageId), async (client) => {
      await recordEffect(messageId)(client);
      await client.query('SELECT 1 / 0').catch(() => 'carried on');
      return 'done anyway';
    });

    await expect(swallowing).rejects.toThrow(TransactionWasRolledBack);
    expect(await effectsOf(messageId)).toBe(0);
    expect(await count(pool, 'inbox', 'message_id = $1', [messageId])).toBe(0);
    const redelivered = await processOnce(pool, 'notifier', from(messageId), recordEffect(messageId));
    expect(redelivered.duplicate).toBe(false);
    expect(await effectsOf(messageId)).toBe(1);
  });
});

describe('messages told apart by source and id, as CloudEvents identifies them', () => {
  it('processes the same id from another source as another message', async () => {
    const messageId = randomUUID();
    await processOnce(pool, 'sources', from(messageId, '/wildlife/request-intake'), recordEffect(messageId));

    const other = await processOnce(pool, 'sources', from(messageId, '/wildlife/ncb-endorsement'), recordEffect(messageId));
    const again = await processOnce(pool, 'sources', from(messageId, '/wildlife/ncb-endorsement'), recordEffect(messageId));

    expect([other.duplicate, again.duplicate]).toEqual([false, true]);
    expect(await effectsOf(messageId)).toBe(2);
  });

  it('hands a batch each (source, id) once, the same id under two sources twice', async () => {
    const messageId = randomUUID();
    const batch = [from(messageId, '/a'), from(messageId, '/b'), from(messageId, '/a')];

    const outcome = await processBatchOnce(pool, 'sources', batch, async (client, fresh) => {
      for (const m of fresh) await recordEffect(m.messageId)(client);
    });

    expect(outcome.processed.map((m) => m.source)).toEqual(['/a', '/b']);
    expect(outcome.duplicates.map((m) => m.source)).toEqual(['/a']);
    expect(await effectsOf(messageId)).toBe(2);
  });

  it('keeps a source and an id apart however their characters could run together', async () => {
    const id = randomUUID();
    const [left, right] = [from(`${id}","x`, '/s'), from('x', `/s","${id}`)];

    const outcome = await processBatchOnce(pool, 'sources', [left, right], async () => undefined);

    expect(outcome.processed).toEqual([left, right]);
  });

  it('refuses a message without a source, recording nothing', async () => {
    const messageId = randomUUID();
    const effect = jest.fn(recordEffect(messageId));

    await expect(processOnce(pool, 'sources', from(messageId, ''), effect)).rejects.toThrow(/empty source/);

    expect(effect).not.toHaveBeenCalled();
    expect(await count(pool, 'inbox', 'message_id = $1', [messageId])).toBe(0);
  });
});

describe('an inbox recorded before it knew sources (migration 0009)', () => {
  let old: TestDatabase;
  let oldPool: pg.Pool;
  let folder: string;

  beforeAll(async () => {
    // The event store's migrations as they were before 0009, applied; then an inbox row the old way.
    folder = await mkdtemp(join(tmpdir(), 'event-store-before-0009-'));
    const current = fileURLToPath(eventStoreMigrations.directory);
    for (const file of await readdir(current)) if (file < '0009') await copyFile(join(current, file), join(folder, file));
    old = await createTestDatabase('event-store-inbox-upgrade');
    oldPool = old.pool();
    oldPool.on('error', () => undefined); // see event-store.fixtures.ts
    await migrate(oldPool, [{ namespace: eventStoreMigrations.namespace, directory: folder }]);
  });

  afterAll(async () => {
    await old.drop();
    await rm(folder, { recursive: true, force: true });
  });

  it('still counts a message consumed before the upgrade as processed, whatever its source', async () => {
    const before = randomUUID();
    await oldPool.query('INSERT INTO inbox (consumer, message_id) VALUES ($1, $2)', ['upgraded', before]);

    const applied = await migrate(oldPool, [eventStoreMigrations]);
    const redelivered = await processOnce(oldPool, 'upgraded', from(before), async () => 'effect again');
    const inBatch = await processBatchOnce(oldPool, 'upgraded', [from(before, '/other'), from(randomUUID())], async () => undefined);

    expect(applied.map((m) => m.name)).toEqual(['inbox_keyed_by_source']);
    expect(redelivered).toEqual({ duplicate: true });
    expect(inBatch.duplicates.map((m) => m.messageId)).toEqual([before]);
    expect(inBatch.processed).toHaveLength(1);
  });
});

describe('processing a batch of messages once', () => {
  it('hands the effect the new messages, in order, without ones already processed or repeated', async () => {
    const [seen, a, b] = [randomUUID(), randomUUID(), randomUUID()];
    await processOnce(pool, 'batcher', from(seen), recordEffect(seen));
    const calls: string[][] = [];

    const outcome = await processBatchOnce(
      pool,
      'batcher',
      [a, seen, b, a].map((messageId) => ({ source: SOURCE, messageId })),
      async (client, fresh) => {
        calls.push(fresh.map((m) => m.messageId));
        for (const message of fresh) await recordEffect(message.messageId)(client);
      },
    );

    expect(calls).toEqual([[a, b]]);
    expect(outcome.processed.map((m) => m.messageId)).toEqual([a, b]);
    expect(outcome.duplicates.map((m) => m.messageId)).toEqual([seen, a]);
    expect([await effectsOf(a), await effectsOf(b), await effectsOf(seen)]).toEqual([1, 1, 1]);
  });

  it('does not call the effect for a batch of messages all processed before', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await processBatchOnce(pool, 'batcher', [a, b].map((id) => from(id)), async (client, fresh) => {
      for (const message of fresh) await recordEffect(message.messageId)(client);
    });
    let called = false;

    const again = await processBatchOnce(pool, 'batcher', [b, a].map((id) => from(id)), async () => {
      called = true;
    });

    expect(called).toBe(false);
    expect(again.duplicates.map((m) => m.messageId)).toEqual([b, a]);
    expect([await effectsOf(a), await effectsOf(b)]).toEqual([1, 1]);
  });

  it('rolls the whole batch back when one effect fails', async () => {
    const [a, b] = [randomUUID(), randomUUID()];

    const failing = processBatchOnce(pool, 'batcher', [a, b].map((id) => from(id)), async (client, fresh) => {
      for (const message of fresh) {
        await recordEffect(message.messageId)(client);
        if (message.messageId === b) throw new Error('poison');
      }
    });

    await expect(failing).rejects.toThrow('poison');
    expect([await effectsOf(a), await effectsOf(b)]).toEqual([0, 0]);
    expect(await count(pool, 'inbox', 'message_id = ANY($1)', [[a, b]])).toBe(0);
  });

  it('has one effect per message when overlapping batches run concurrently', async () => {
    const ids = Array.from({ length: 10 }, () => randomUUID());
    const batches = [ids.slice(0, 6), ids.slice(3), [...ids].reverse()];

    await Promise.all(
      batches.map((batch) =>
        processBatchOnce(pool, 'overlap', batch.map((messageId) => ({ source: SOURCE, messageId })), async (client, fresh) => {
          for (const m of fresh) await recordEffect(m.messageId)(client);
        }),
      ),
    );

    expect(await Promise.all(ids.map(effectsOf))).toEqual(ids.map(() => 1));
  });
});

describe('message ids as the inbox records them', () => {
  // The inbox rows go in with BEGIN, as escaped literals in one simple query: any text must come
  // back as it was sent, and none may run as SQL.
  const awkward = [
    `it's`,
    `back\\slash`,
    `'); DROP TABLE inbox; --`,
    `E'\\x27'`,
    `$$dollar$$`,
    `ünïcødé 🦏`,
    `trailing \\`,
  ];

  it('records any text verbatim, once, and deduplicates it on redelivery', async () => {
    const ids = awkward.map((text) => `${text} ${randomUUID()}`);
    const handed: string[] = [];

    const first = await processBatchOnce(pool, 'escaping', ids.map((messageId) => ({ source: SOURCE, messageId })), async (client, fresh) => {
      for (const m of fresh) {
        handed.push(m.messageId);
        await recordEffect(m.messageId)(client);
      }
    });
    const again = await processBatchOnce(pool, 'escaping', ids.map((messageId) => ({ source: SOURCE, messageId })), async () => {
      throw new Error('a redelivered batch must not reach the effect');
    });
    const single = await processOnce(pool, 'escaping', from(ids[2]!), recordEffect(ids[2]!));

    expect(handed).toEqual(ids);
    expect(first.processed).toHaveLength(ids.length);
    expect(again.duplicates.map((m) => m.messageId)).toEqual(ids);
    expect(single).toEqual({ duplicate: true });
    const { rows } = await pool.query<{ message_id: string }>('SELECT message_id FROM inbox WHERE consumer = $1', ['escaping']);
    expect(rows.map((r) => r.message_id).sort()).toEqual([...ids].sort());
    expect(await Promise.all(ids.map(effectsOf))).toEqual(ids.map(() => 1));
  });

  it('keeps a consumer name with quotes apart from others', async () => {
    const messageId = randomUUID();

    const quoted = await processOnce(pool, `o'brien\\`, from(messageId), recordEffect(messageId));
    const plain = await processOnce(pool, 'obrien', from(messageId), recordEffect(messageId));

    expect([quoted.duplicate, plain.duplicate]).toEqual([false, false]);
    expect(await count(pool, 'inbox', 'consumer = $1 AND message_id = $2', [`o'brien\\`, messageId])).toBe(1);
  });

  it('refuses a message id PostgreSQL cannot store as text, recording nothing', async () => {
    const messageId = `nul\u0000${randomUUID()}`;
    const effect = jest.fn(recordEffect(messageId));

    await expect(processOnce(pool, 'escaping', from(messageId), effect)).rejects.toThrow();

    expect(effect).not.toHaveBeenCalled();
    expect(await count(pool, 'inbox', 'consumer = $1 AND message_id LIKE $2', ['escaping', 'nul%'])).toBe(0);
  });
});
