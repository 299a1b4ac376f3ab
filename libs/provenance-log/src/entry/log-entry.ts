/**
 * One entry of the provenance log: what the service concluded about one record, or about a change
 * of a record's classification. Its leaf bytes are `entryBytes(entry)` (RFC 8785 canonical JSON,
 * UTF-8); the Merkle leaf hash is `leafHash(entryBytes(entry))`.
 */
export interface LogEntry {
  /** Format version: always 1 for this shape. */
  readonly v: typeof LOG_ENTRY_VERSION;
  /** The entry's 0-based index in the log, which is also its Merkle leaf index. */
  readonly sequence: number;
  /** When the log appended the entry: RFC 3339, UTC (`…Z`). */
  readonly time: string;
  readonly record: LoggedRecord;
  /** The principal named by the record's signature material; null when the record named none readably. */
  readonly source: LoggedPrincipal | null;
  readonly classification: LogClassification;
  readonly reason: LogReason;
  /** Set on a change of classification: the sequence of the earlier entry for the same record it replaces. */
  readonly supersedes?: number;
  /**
   * The sequences of earlier entries the classification rests on, ascending: an agency's
   * registration, accreditation and key entries, or the NCB's acknowledgement that made a pending
   * record official. Empty when the source's key is a trust root (an NCB's or the GS's).
   */
  readonly basis?: readonly number[];
  /** The signature material to re-check the record's signature with `reverify`; null when it had none usable. */
  readonly evidence: LoggedSignatureMaterial | null;
  /** The record event's `data` without its `provenance` member (that is `source` + `evidence`), when it parsed. */
  readonly recordData?: JsonObject;
}

export const LOG_ENTRY_VERSION = 1;

export const LOG_CLASSIFICATIONS = ['official', 'pending-ncb', 'external', 'rejected'] as const;
export type LogClassification = (typeof LOG_CLASSIFICATIONS)[number];

/** The kinds of principal a source may be (the contracts' `PRINCIPAL_KINDS`). */
export const LOGGED_PRINCIPAL_KINDS = ['ncb', 'agency', 'general-secretariat', 'external-source', 'auditor'] as const;

/** The record an entry is about: its CloudEvent identity. */
export interface LoggedRecord {
  /** The record event's CloudEvent `id`; for a message that did not parse, `unparsed:<sha-256 hex of its bytes>`. */
  readonly id: string;
  /** The record event's CloudEvent `type`; `unknown` when the message did not say. */
  readonly type: string;
  /** The CloudEvent `subject` (the case id for case records), null when absent. */
  readonly subject: string | null;
  /** The CloudEvent `time` as sent (RFC 3339), null when absent. */
  readonly time: string | null;
}

export interface LoggedPrincipal {
  readonly id: string;
  readonly kind: (typeof LOGGED_PRINCIPAL_KINDS)[number];
  /** ISO 3166-1 alpha-2, upper case; absent for principals without a country. */
  readonly country?: string;
}

/** Why the classification: a kebab-case code for machines, a sentence for people. */
export interface LogReason {
  readonly code: string;
  readonly text: string;
}

/**
 * `SignatureMaterial` from `@wildlife/signatures` plus the optional `expires` parameter: exactly the
 * record's `provenance` without its `principal`.
 */
export interface LoggedSignatureMaterial {
  readonly label: string;
  readonly keyId: string;
  readonly signatureInput: string;
  readonly signature: string;
  readonly coveredComponents: readonly string[];
  readonly componentValues: Readonly<Record<string, string>>;
  readonly method: string;
  readonly targetUri: string;
  readonly bodyBase64: string;
  readonly created: number;
  readonly expires?: number;
  readonly nonce: string;
}

export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}
