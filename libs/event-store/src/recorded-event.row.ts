import type { RecordedEvent } from './event.types.js';

/** The columns of `events` a read returns, in the shape `pg` hands them over (bigint as string). */
export interface EventRow {
  global_position: string;
  stream_id: string;
  stream_position: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: RecordedEvent['metadata'];
  recorded_at: Date;
}

export const EVENT_COLUMNS =
  'global_position, stream_id, stream_position, event_id, type, schema_version, data, metadata, recorded_at';

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    streamId: row.stream_id,
    streamPosition: row.stream_position,
    globalPosition: Number(row.global_position),
    recordedAt: row.recorded_at,
  };
}
