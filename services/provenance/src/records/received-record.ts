import type { JsonObject } from '@wildlife/provenance-log';

/**
 * What one message on a record topic turned out to be, before any classification. Reading never
 * fails: whatever cannot be read becomes an `unparsed` record, to be logged as rejected.
 */
export type ReceivedRecord = UnparsedRecord | SignedRecordCandidate | NotARecord;

/** A message that is not one of our CloudEvents (not JSON, headers missing or malformed). */
export interface UnparsedRecord {
  readonly kind: 'unparsed';
  /** `unparsed:<sha-256 hex of the message value>`: the same bytes are the same record. */
  readonly id: string;
  /** The `ce_type` header when it has the shape of an event type, else `unknown`. */
  readonly type: string;
  readonly problem: string;
}

/** A CloudEvent that is (or claims to be) a signed record; `problem` says why it cannot count, if so. */
export interface SignedRecordCandidate {
  readonly kind: 'record';
  readonly id: string;
  readonly type: string;
  readonly subject: string;
  readonly time: string;
  /** The event's data without `provenance`, when the data is an object. */
  readonly data?: JsonObject;
  /** `data.provenance` exactly as received (not yet checked). */
  readonly provenance?: unknown;
  /** Set when the event breaks its contract or carries no signature material. */
  readonly problem?: string;
  /**
   * SHA-256 (hex) of the Kafka message's value as received, when read from Kafka: what an entry
   * too large to log the record's data in keeps of it, to match it with the record on its topic.
   */
  readonly valueSha256?: string;
  /** Set by the intake when the record's time was beyond now plus the skew allowed (`RegistryGate.isTooFarAhead`): this now. */
  readonly receivedBeforeItsTime?: string;
}

/** An event of a known contract that carries no signed record (e.g. a permit issued as a consequence). */
export interface NotARecord {
  readonly kind: 'not-a-record';
  readonly type: string;
}
