import { inTransaction } from '@wildlife/event-store';
import type pg from 'pg';
import { externalInformationStreamId, type ExternalInformationReceived } from '../domain/external-information.events.js';
import { supportRequestStreamId } from '../domain/support-request.events.js';
import { evolve, initialSupportRequestState, type SupportRequestState } from '../domain/support-request.state.js';
import { externalInformationEventOf, supportRequestEventOf } from '../stream/intake-stream-events.js';
import { writeExternalInformationView } from './external-information.projection.js';
import { writeSupportRequestView } from './support-request.projection.js';

/**
 * Locked, and truncated, in this order: the order the writers take them. write_support_request_view
 * (migrations/0002) writes support_requests, then support_request_history; record_submission
 * (migrations/0003) writes one of the views; a read takes support_requests, then the history. Locked
 * history first, a rebuild could hold it while waiting for a writer's support_requests, and that
 * writer then wait for the history: a deadlock, one of the two aborted (found by review).
 */
const READ_MODELS = 'support_requests, support_request_history, external_information';
const SUPPORT_REQUEST_STREAM = supportRequestStreamId('');
const EXTERNAL_INFORMATION_STREAM = externalInformationStreamId('');

export interface RebuiltReadModels {
  readonly supportRequests: number;
  readonly externalInformation: number;
}

interface EventRow {
  global_position: string;
  stream_id: string;
  event_id: string;
  type: string;
  data: unknown;
}

/**
 * Throws the read models away and writes them again from the whole event log, in one transaction;
 * the result equals what the live path wrote. Safe while the service runs: the read models are
 * locked first, so every append that already wrote to them has committed and is in the log read
 * here, and every append still running waits for the rebuild and then writes its request's whole
 * state. For that reason the log is read on this transaction's own snapshot, not with `readAll`,
 * whose horizon would hold back committed events behind an append this lock keeps waiting.
 */
export async function rebuildReadModels(pool: pg.Pool, pageSize = 1000): Promise<RebuiltReadModels> {
  return inTransaction(pool, async (client) => {
    await client.query(`LOCK TABLE ${READ_MODELS} IN EXCLUSIVE MODE`);
    await client.query(`TRUNCATE ${READ_MODELS}`);
    const requests = new Map<string, { state: SupportRequestState; submissionEventId: string }>();
    const external: ExternalInformationReceived[] = [];
    for (let after = '0'; ; ) {
      const { rows } = await client.query<EventRow>(
        `SELECT global_position, stream_id, event_id, type, data FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
        [after, pageSize],
      );
      if (rows.length === 0) break;
      for (const row of rows) fold(row, requests, external);
      after = rows.at(-1)!.global_position;
    }
    for (const { state, submissionEventId } of requests.values()) {
      if (state.status !== 'none') await writeSupportRequestView(client, state, submissionEventId);
    }
    for (const received of external) await writeExternalInformationView(client, received);
    return { supportRequests: requests.size, externalInformation: external.length };
  });
}

function fold(row: EventRow, requests: Map<string, { state: SupportRequestState; submissionEventId: string }>, external: ExternalInformationReceived[]): void {
  const recorded = { type: row.type, data: row.data };
  if (row.stream_id.startsWith(SUPPORT_REQUEST_STREAM)) {
    const current = requests.get(row.stream_id) ?? { state: initialSupportRequestState, submissionEventId: row.event_id };
    requests.set(row.stream_id, { ...current, state: evolve(current.state, supportRequestEventOf(recorded)) });
  } else if (row.stream_id.startsWith(EXTERNAL_INFORMATION_STREAM)) {
    external.push(externalInformationEventOf(recorded));
  }
}
