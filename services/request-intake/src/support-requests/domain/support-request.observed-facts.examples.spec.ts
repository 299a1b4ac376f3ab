// Observed facts for the unit specs of request intake (no tests here; `.spec.ts` keeps it out of the build).
import { randomUUID } from 'node:crypto';
import type {
  NcbDecisionSetAside,
  DirectContactPermitIssued,
  DirectContactPermitRevoked,
  ProvenanceRejected,
  ProvenanceVerified,
  RequestAcknowledgedByNcb,
  RequestDeclinedByNcb,
  RequestEndorsedByNcb,
} from './support-request.events.js';

const ncb = { principalId: 'ncb-fr', country: 'FR' };
const fact = (requestId: string, at: string) => ({ requestId, at, sourceEventId: randomUUID() });

/** Each fact intake can observe about `requestId`, each with a fresh source event id. */
export const observed = {
  acknowledged: (requestId: string, at = '2025-03-14T10:00:00.000Z'): RequestAcknowledgedByNcb => ({
    type: 'RequestAcknowledgedByNcb',
    ...fact(requestId, at),
    ncb,
  }),
  endorsed: (requestId: string, at = '2025-03-14T14:31:02.000Z'): RequestEndorsedByNcb => ({
    type: 'RequestEndorsedByNcb',
    ...fact(requestId, at),
    ncb,
    note: 'Endorsed; direct contact with the GS team is open.',
  }),
  declined: (requestId: string, at = '2025-03-14T14:31:02.000Z'): RequestDeclinedByNcb => ({
    type: 'RequestDeclinedByNcb',
    ...fact(requestId, at),
    ncb,
    reason: 'A national investigation already covers this case.',
  }),
  permitIssued: (requestId: string, permitId: string = randomUUID(), at = '2025-03-14T14:31:02.000Z'): DirectContactPermitIssued => ({
    type: 'DirectContactPermitIssued',
    ...fact(requestId, at),
    permitId,
    gsTeam: 'gs-environmental-security',
    expiresAt: '2025-09-10T14:31:02.000Z',
  }),
  permitRevoked: (requestId: string, permitId: string, at = '2025-04-01T08:00:00.000Z'): DirectContactPermitRevoked => ({
    type: 'DirectContactPermitRevoked',
    ...fact(requestId, at),
    permitId,
    reason: 'The case was closed.',
  }),
  verified: (requestId: string, classification: 'official' | 'pending-ncb', at = '2025-03-14T09:27:00.000Z'): ProvenanceVerified => ({
    type: 'ProvenanceVerified',
    ...fact(requestId, at),
    classification,
    reason: classification === 'official' ? 'agency accredited by ncb-fr' : 'agency not accredited: awaiting its NCB',
  }),
  endorsementSetAside: (requestId: string, voidedPermitId: string, at = '2025-03-15T08:00:00.000Z'): NcbDecisionSetAside => ({
    type: 'NcbDecisionSetAside',
    ...fact(requestId, at),
    recordType: 'ncb-endorsement.RequestEndorsed.v1',
    reason: { code: 'key-unknown', text: 'No key "ncb-fr-2025" is registered.' },
    status: 'acknowledged',
    voidedPermitId,
  }),
  rejected: (requestId: string, at = '2025-03-14T09:27:00.000Z'): ProvenanceRejected => ({
    type: 'ProvenanceRejected',
    ...fact(requestId, at),
    reason: { code: 'signature-invalid', text: 'the signature does not verify with the registered key' },
  }),
};
