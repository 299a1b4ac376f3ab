import { defineContract } from '../../registry/event-contract.js';
import { principalId, record, timestamp } from '../../schema/schema-fragments.js';
import { topics } from '../../topics/topics.js';
import { provenanceSignedBy, recordDefs, type RecordProvenance } from '../shared/record-provenance.js';
import { keyId, note } from './registry-fields.js';

/** Why a key was revoked, after the X.509 CRL reason codes. */
export const KEY_REVOCATION_REASON_CODES = ['compromised', 'superseded', 'no-longer-used', 'unspecified'] as const;

export type KeyRevocationReasonCode = (typeof KEY_REVOCATION_REASON_CODES)[number];

/**
 * A key was revoked: it verifies nothing observed at or after `at`. A `compromised` key verifies only
 * what was observed before `compromisedSince`, and nothing at all when that is absent.
 */
export interface KeyRevokedV1 {
  readonly principalId: string;
  readonly keyId: string;
  readonly reason: KeyRevocationReasonCode;
  /** Only with `reason: 'compromised'`; never after `at`. */
  readonly compromisedSince?: string;
  readonly note?: string;
  readonly by: string;
  readonly at: string;
  readonly provenance: RecordProvenance;
}

export const keyRevokedV1 = defineContract<'ncb-endorsement.KeyRevoked.v1', KeyRevokedV1>({
  type: 'ncb-endorsement.KeyRevoked.v1',
  topic: topics.registryEvents.name,
  summary: "A principal's key was revoked, by the authority in charge of its keys (its NCB or the GS), with the reason.",
  schema: {
    ...record(
      {
        principalId,
        keyId,
        reason: { enum: [...KEY_REVOCATION_REASON_CODES] },
        compromisedSince: timestamp,
        note,
        by: principalId,
        at: timestamp,
        provenance: provenanceSignedBy('ncb', 'general-secretariat'),
      },
      ['compromisedSince', 'note'],
    ),
    $defs: recordDefs,
  },
});
