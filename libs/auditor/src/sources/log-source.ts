import type { LeafRecord } from '../verification/leaf-record.js';

/** The log's latest signed checkpoint, and the verifier key the source presents with it (not trusted by itself). */
export interface LogHead {
  readonly checkpoint: string;
  readonly verifierKey?: string;
}

/**
 * Where an audit reads a log from: the provenance API, its Kafka topic, or an exported file. What a
 * source says is never trusted; the audit checks it against the signed checkpoint.
 */
export interface LogSource {
  /** For the report: where the log was read from. */
  readonly description: string;
  /**
   * What names this source across runs (an API's base URL; brokers and topic), so the state file can
   * pin the log it served: a source that later presents another origin is refused. None for an
   * exported file, a copy that may hold any log.
   */
  readonly identity?: string;
  head(): Promise<LogHead>;
  /** Entries [start, end) in order, as the log holds them (a missing entry is simply absent). Streams. */
  entries(start: number, end: number): AsyncIterable<LeafRecord>;
  /** The log's consistency proof between two tree sizes, when the source can give one. */
  consistencyProof?(size1: number, size2: number): Promise<readonly Uint8Array[]>;
  close?(): Promise<void>;
}

/** The source could not be read: network, file or broker failure, or an answer of the wrong shape. */
export class LogSourceFailed extends Error {
  constructor(readonly source: string, readonly reason: string) {
    super(`cannot read the log from ${source}: ${reason}`);
    this.name = 'LogSourceFailed';
  }
}

/**
 * The source holds something where the next entry should be but cannot hand it on as leaf bytes (an
 * export line that is not JSON, cut short, or longer than any entry): a fault of the log's copy,
 * not of the reader. Thrown by a source's `entries`; the audit names the entry it expected there.
 */
export class EntryIsUnreadable extends Error {
  /** `cutShort`: the copy ends inside this entry (a truncated export), so the entry is missing rather than malformed. */
  constructor(readonly reason: string, readonly cutShort = false) {
    super(reason);
    this.name = 'EntryIsUnreadable';
  }
}
