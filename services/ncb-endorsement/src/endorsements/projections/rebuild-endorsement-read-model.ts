import { setTimeout as sleep } from 'node:timers/promises';
import { inTransaction, type EventStore } from '@wildlife/event-store';
import type pg from 'pg';
import { endorsementStreamId, type EndorsementEvent } from '../domain/endorsement.events.js';
import { fromStoredEvent } from '../stream/stored-endorsement-event.js';
import { writeEndorsementRecords } from './endorsement-read-model.js';
import { endorsementRecordOf } from './endorsement-record.js';
import { holdEndorsementWrites, releaseEndorsementWrites } from './read-model-fence.js';

const STREAM_PREFIX = endorsementStreamId('');
const PAGE_SIZE = 1000;

/**
 * Empties `endorsements` and `permits` and refills them from the event log alone (`readAll`, every
 * `endorsement-*` stream folded by `endorsementRecordOf`, the fold the live writes use); returns how
 * many requests it wrote. Safe while the service runs: it holds the endorsement's writes off (see
 * read-model-fence.ts) from before the replay until the rebuilt rows are committed, so a write is
 * either in the replay or made after the rebuild, never lost between them. Meanwhile decisions are
 * refused with a 503 and reactions retried.
 */
export async function rebuildEndorsementReadModel(pool: pg.Pool, eventStore: EventStore): Promise<number> {
  const fence = await pool.connect();
  try {
    await holdEndorsementWrites(fence);
    const streams = await replayEndorsementStreams(eventStore);
    await inTransaction(pool, async (client) => {
      await client.query('TRUNCATE permits, endorsements');
      for (const [requestId, events] of streams) await writeEndorsementRecords(client, endorsementRecordOf(requestId, events));
    });
    return streams.size;
  } finally {
    await releaseEndorsementWrites(fence).finally(() => fence.release());
  }
}

/** Every endorsement stream's events, read with `readAll` up to the log's head as it was when called. */
async function replayEndorsementStreams(eventStore: EventStore): Promise<Map<string, EndorsementEvent[]>> {
  const streams = new Map<string, EndorsementEvent[]>();
  const { head } = await eventStore.readAllPage(0, 0);
  for (let after = 0; ; ) {
    const page = await eventStore.readAllPage(after, PAGE_SIZE);
    for (const recorded of page.events) {
      after = recorded.globalPosition;
      if (!recorded.streamId.startsWith(STREAM_PREFIX)) continue;
      const requestId = recorded.streamId.slice(STREAM_PREFIX.length);
      const events = streams.get(requestId) ?? [];
      events.push(fromStoredEvent(recorded));
      streams.set(requestId, events);
    }
    if (page.events.length > 0) continue;
    if (page.horizon >= head) return streams;
    // Another writer of this database (not fenced: not the endorsement's) still holds the horizon back.
    await sleep(20);
  }
}
