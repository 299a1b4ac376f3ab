import { defineContract } from '../../registry/event-contract.js';
import { record, timestamp, uuid } from '../../schema/schema-fragments.js';
import { recordRejection, type RecordRejection } from '../provenance/record-rejected.v1.js';
import { topics } from '../../topics/topics.js';
import { requestId } from '../shared/case-facts.js';
import { recordId, recordType } from '../shared/record-identity.js';

/** Where a request stands at its NCB once the decision is set aside. */
export const ENDORSEMENT_STATUSES_AFTER_SET_ASIDE = ['submitted', 'acknowledged', 'endorsed', 'declined', 'rejected'] as const;
export type EndorsementStatusAfterSetAside = (typeof ENDORSEMENT_STATUSES_AFTER_SET_ASIDE)[number];

/**
 * The provenance check rejected the record of one of the NCB's decisions on a request (an
 * acknowledgement, endorsement, decline or permit revocation): the decision no longer counts, since
 * only official sources make records (DOMAIN rule 2). `status` is where the decisions that still
 * count leave the request; the NCB may decide again from there. An endorsement set aside voids the
 * permit it issued (`voidedPermitId`); a revocation set aside leaves its permit revoked. Not a signed
 * record of its own: it follows from provenance's verdict, and the event's principal attributes
 * name the NCB the decision was made in the name of.
 */
export interface DecisionSetAsideV1 {
  readonly requestId: string;
  /** The CloudEvent id of the decision's record event. */
  readonly recordId: string;
  /** The CloudEvent type of the decision's record event. */
  readonly recordType: string;
  /** Why provenance rejected the record (its RecordRejected reason). */
  readonly reason: RecordRejection;
  readonly setAsideAt: string;
  readonly status: EndorsementStatusAfterSetAside;
  /** The permit that stopped counting, when the decision was the endorsement that issued it. */
  readonly voidedPermitId?: string;
}

export const decisionSetAsideV1 = defineContract<'ncb-endorsement.DecisionSetAside.v1', DecisionSetAsideV1>({
  type: 'ncb-endorsement.DecisionSetAside.v1',
  topic: topics.ncbEndorsementEvents.name,
  summary: 'An NCB decision on a request no longer counts: the provenance check rejected its record. Says where the request now stands.',
  schema: record(
    {
      requestId,
      recordId,
      recordType,
      reason: recordRejection,
      setAsideAt: timestamp,
      status: { enum: [...ENDORSEMENT_STATUSES_AFTER_SET_ASIDE] },
      voidedPermitId: uuid,
    },
    ['voidedPermitId'],
  ),
});
