import type { AccreditationDueChange, RequestDueChange } from '@wildlife/provenance-log';
import type { SignedRecordMemo } from './records-by-key.js';

/** A change of classification the rules make due right after an entry; the log appends them next, in order. */
export type DueChange =
  /** A record rejected as outside its request's country, or a pending request promoted by its NCB (`RequestVouches` of @wildlife/provenance-log). */
  | RequestDueChange
  /** A record whose key a registry fact (entry `keyFact`, a compromise) shows was not valid when it was observed. */
  | { readonly kind: 'key-invalid'; readonly record: SignedRecordMemo; readonly keyFact: number }
  /** An agency's record an accreditation fact logged after it (entry `fact`) classifies otherwise at its own time (`AccreditationReachBack`). */
  | AccreditationDueChange;
