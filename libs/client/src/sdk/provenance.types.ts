import type { ApiObject } from './api-object.js';

/** The latest signed checkpoint: the C2SP signed note as text, or the JSON the service wraps it in. */
export type LogCheckpoint = string | ApiObject;

/** Entry indexes, sent as `start` and `end` and read as the provenance service defines them. */
export interface LogEntryRange {
  readonly start: number;
  readonly end: number;
}

export interface InclusionProofQuery {
  readonly index: number;
  readonly treeSize: number;
}

export interface ConsistencyProofQuery {
  readonly first: number;
  readonly second: number;
}
