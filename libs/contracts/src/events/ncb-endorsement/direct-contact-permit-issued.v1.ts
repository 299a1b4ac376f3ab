import { defineContract } from '../../registry/event-contract.js';
import { record, text, timestamp, uuid } from '../../schema/schema-fragments.js';
import { topics } from '../../topics/topics.js';
import { agencyReference, requestId, type AgencyReference } from '../shared/case-facts.js';

/**
 * An endorsement opened direct contact between the requesting agency and a GS team, for one
 * request and until `expiresAt`. Not a signed record of its own: it follows from the endorsement,
 * and the event's principal attributes name the endorsing NCB.
 */
export interface DirectContactPermitIssuedV1 {
  readonly permitId: string;
  readonly requestId: string;
  readonly agency: AgencyReference;
  /** The General Secretariat team (its principal id) the agency may contact directly. */
  readonly gsTeam: string;
  readonly issuedAt: string;
  readonly expiresAt: string;
}

export const directContactPermitIssuedV1 = defineContract<
  'ncb-endorsement.DirectContactPermitIssued.v1',
  DirectContactPermitIssuedV1
>({
  type: 'ncb-endorsement.DirectContactPermitIssued.v1',
  topic: topics.ncbEndorsementEvents.name,
  summary: 'Direct contact between the requesting agency and a GS team is allowed for one request until it expires.',
  schema: record({
    permitId: uuid,
    requestId,
    agency: agencyReference,
    gsTeam: text(1, 200),
    issuedAt: timestamp,
    expiresAt: timestamp,
  }),
});
