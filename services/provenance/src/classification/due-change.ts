import type { LogEntry } from '@wildlife/provenance-log';
import type { SignedRecordMemo } from './records-by-key.js';

/** A change of classification the rules make due right after an entry; the log appends them next, in order. */
export type DueChange =
  /** An official record (a vouch…) by a principal of another country than its request's: rejected now the request is logged (`acts-outside-its-country`). */
  | { readonly kind: 'outside-country'; readonly record: LogEntry; readonly request: number; readonly requestCountry: string }
  /** A pending request made official on its own NCB's word (`ncb-vouched`). */
  | { readonly kind: 'promotion'; readonly pending: LogEntry; readonly vouch: number }
  /** A record whose key a registry fact (entry `keyFact`, a compromise) shows was not valid when it was observed. */
  | { readonly kind: 'key-invalid'; readonly record: SignedRecordMemo; readonly keyFact: number };
