/** One entry of the log as a source delivers it: its position and exact leaf bytes. */
export interface LeafRecord {
  /** The position the source claims for it (the log's sequence column, the Kafka key, the file line's field). */
  readonly sequence: number;
  readonly leafBytes: Uint8Array;
  /** The leaf hash the log stored beside the bytes, when the source gives it: a hint, never trusted. */
  readonly leafHash?: Uint8Array;
}
