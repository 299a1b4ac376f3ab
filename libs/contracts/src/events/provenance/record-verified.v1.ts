import { defineContract } from '../../registry/event-contract.js';
import { record, text, timestamp } from '../../schema/schema-fragments.js';
import { topics } from '../../topics/topics.js';
import { logIndex, recordId, recordType } from '../shared/record-identity.js';

/**
 * How far a verified record can be relied on (notification 1.1 and 2.1): `official` when its
 * source is an NCB or an accredited agency; `pending-ncb` for a non-accredited agency's record until
 * its NCB vouches for it; `external` for an external source, never official.
 */
export const RECORD_CLASSIFICATIONS = ['official', 'pending-ncb', 'external'] as const;
export type RecordClassification = (typeof RECORD_CLASSIFICATIONS)[number];

/** The record's signature checked out against its principal's key, and it is in the log. The
 * event's principal attributes name the record's source principal; its subject is the case id. */
export interface RecordVerifiedV1 {
  /** The CloudEvent id of the record event. */
  readonly recordId: string;
  /** The CloudEvent type of the record event. */
  readonly recordType: string;
  readonly classification: RecordClassification;
  /** Why this classification, for humans: e.g. which accreditation made the agency official. */
  readonly reason: string;
  readonly logIndex: number;
  readonly verifiedAt: string;
}

export const recordVerifiedV1 = defineContract<'provenance.RecordVerified.v1', RecordVerifiedV1>({
  type: 'provenance.RecordVerified.v1',
  topic: topics.provenanceEvents.name,
  summary: 'A record was verified, classified (official, pending NCB, external) and appended to the provenance log.',
  schema: record({
    recordId,
    recordType,
    classification: { enum: [...RECORD_CLASSIFICATIONS] },
    reason: text(1, 1000),
    logIndex,
    verifiedAt: timestamp,
  }),
});
