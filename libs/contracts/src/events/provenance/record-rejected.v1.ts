import { defineContract } from '../../registry/event-contract.js';
import { record, text, timestamp } from '../../schema/schema-fragments.js';
import { topics } from '../../topics/topics.js';
import { logIndex, recordId, recordType } from '../shared/record-identity.js';

/**
 * Rejection codes known today. The schema takes any kebab-case code so that a new code does not
 * break consumers holding this version; treat an unknown code as a rejection all the same.
 */
export const KNOWN_REJECTION_CODES = [
  'signature-invalid',
  'key-unknown',
  'key-not-valid-at-signing-time',
  'not-an-official-source',
  'acts-outside-its-country',
  'record-malformed',
  'key-not-of-principal',
  'acts-outside-its-scope',
  'record-time-in-future',
  'record-id-reused',
  'registry-fact-inapplicable',
  'record-does-not-match-signature',
  'record-id-does-not-match-signature',
  'record-time-does-not-match-signature',
  'classification-failed',
  'record-too-large',
] as const;
export type KnownRejectionCode = (typeof KNOWN_REJECTION_CODES)[number];

export interface RecordRejection {
  // `string & {}` keeps editor completion for the known codes while accepting new ones.
  readonly code: KnownRejectionCode | (string & {});
  readonly text: string;
}

/** The schema of a `RecordRejection`, for every event that passes one on. */
export const recordRejection = record({ code: { type: 'string', pattern: '^[a-z][a-z0-9]*(-[a-z0-9]+)*$', maxLength: 64 }, text: text(1, 2000) });

/** The record failed verification; the rejection itself is logged, for auditors. */
export interface RecordRejectedV1 {
  /** The CloudEvent id of the record event. */
  readonly recordId: string;
  /** The CloudEvent type of the record event. */
  readonly recordType: string;
  readonly reason: RecordRejection;
  readonly logIndex: number;
  readonly rejectedAt: string;
}

export const recordRejectedV1 = defineContract<'provenance.RecordRejected.v1', RecordRejectedV1>({
  type: 'provenance.RecordRejected.v1',
  topic: topics.provenanceEvents.name,
  summary: 'A record failed verification (bad signature, unknown key, not an official source...); the rejection is logged.',
  schema: record({
    recordId,
    recordType,
    reason: recordRejection,
    logIndex,
    rejectedAt: timestamp,
  }),
});
