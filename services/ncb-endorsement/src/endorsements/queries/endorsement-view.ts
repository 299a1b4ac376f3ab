import type { VerifiedPrincipal } from '@wildlife/service-kit';
import type { EndorsementStatus } from '../domain/endorsement.transitions.js';
import type { EndorsementRecord, PermitRecord } from '../projections/endorsement-record.js';
import type { EndorsementView, HistoryEntryDto, PermitStatus, PermitView } from './endorsement.response.dto.js';

/**
 * A request as `reader` may see it: everything the read model holds, except acknowledgement notes,
 * which stay with the NCB. `endorsement` must have been received (its agency is known).
 */
export function endorsementViewOf(endorsement: EndorsementRecord, permit: PermitRecord | undefined, reader: VerifiedPrincipal, now: Date): EndorsementView {
  const agency = endorsement.agency!;
  const history: HistoryEntryDto[] = endorsement.history.map((entry) =>
    entry.event === 'acknowledged' && reader.kind !== 'ncb' ? withoutNote(entry) : { ...entry },
  );
  return {
    requestId: endorsement.requestId,
    status: endorsement.status as EndorsementStatus,
    version: endorsement.version,
    agency,
    country: agency.country,
    capabilities: endorsement.capabilities,
    submittedAt: endorsement.submittedAt!,
    ...(permit && { permit: permitViewOf(permit, endorsement.version, now) }),
    ...(endorsement.rejection && { rejection: endorsement.rejection }),
    history,
  };
}

/**
 * A permit with its status at `now`; `version` is its request's. A permit ends the first way it
 * can: revoked by its NCB; void when provenance rejected its request or the record of the
 * endorsement that issued it (the fold sets `voidedAt` only before a revocation or the expiry); or
 * expired.
 */
export function permitViewOf(permit: PermitRecord, version: number, now: Date): PermitView {
  return { ...permit, status: permitStatusOf(permit, now), version };
}

function permitStatusOf(permit: PermitRecord, now: Date): PermitStatus {
  if (permit.revokedAt !== undefined) return 'revoked';
  if (permit.voidedAt !== undefined) return 'void';
  return now.getTime() >= Date.parse(permit.expiresAt) ? 'expired' : 'active';
}

function withoutNote({ note: _note, ...entry }: HistoryEntryDto): HistoryEntryDto {
  return entry;
}
