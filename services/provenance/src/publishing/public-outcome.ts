import { createHash } from 'node:crypto';
import { createEvent, EVENT_TYPE_PATTERN, recordRejectedV1, recordVerifiedV1, topics } from '@wildlife/contracts';
import { toKafkaMessage, type OutgoingMessage } from '@wildlife/messaging';
import type { LogEntry } from '@wildlife/provenance-log';

export const PROVENANCE_EVENT_SOURCE = '/wildlife/provenance';
const eventType = new RegExp(EVENT_TYPE_PATTERN);

/**
 * The Kafka message announcing an entry's outcome on `wildlife.provenance.events` (keyed by the
 * record's case, in binary-mode CloudEvents like every public event):
 * `RecordVerified` (official, pending NCB, external; again for a change that leaves the record
 * official or pending: a pending request promoted on its NCB's word, or an accreditation fact
 * reaching back, which may make an official record pending as well as a pending one official) or
 * `RecordRejected` (a first rejection, or a change that rejects a record: its key compromised or
 * rotated from before it, its request another country's, an accreditation not covering it). Each
 * names the entry's `logIndex`, so a consumer keeps the outcome of the highest one for a record
 * (request intake does). Its id derives from the entry's leaf hash, so it is
 * the same however often the outcome is computed. Undefined when the entry names no source principal
 * or no well-formed record type (an unparsed message): the public envelope needs both; the log
 * entry itself is what records those.
 */
export function publicOutcomeOf(entry: LogEntry, leafHash: Uint8Array, topicPrefix: string): OutgoingMessage | undefined {
  if (entry.source === null || !eventType.test(entry.record.type)) return undefined;
  const attributes = {
    id: uuidOf(leafHash),
    source: PROVENANCE_EVENT_SOURCE,
    subject: entry.record.subject ?? entry.record.id,
    time: entry.time,
    correlationId: entry.record.id,
    causationId: entry.record.id,
    principal: entry.source,
  };
  const recordIdentity = { recordId: entry.record.id, recordType: entry.record.type, logIndex: entry.sequence };
  try {
    const event =
      entry.classification === 'rejected'
        ? createEvent(recordRejectedV1, { ...recordIdentity, reason: { code: entry.reason.code, text: clip(entry.reason.text, 2000) }, rejectedAt: entry.time }, attributes)
        : createEvent(
            recordVerifiedV1,
            { ...recordIdentity, classification: entry.classification, reason: clip(entry.reason.text, 1000), verifiedAt: entry.time },
            attributes,
          );
    return { topic: topicPrefix + topics.provenanceEvents.name, ...toKafkaMessage(event) };
  } catch {
    // An outcome the public contract cannot carry (an over-long id or subject) is still in the log.
    return undefined;
  }
}

/** A UUID (version 8, RFC 9562) made of the first 16 bytes of SHA-256 over the leaf hash. */
function uuidOf(leafHash: Uint8Array): string {
  const bytes = createHash('sha256').update('wildlife-provenance-outcome\n').update(leafHash).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
