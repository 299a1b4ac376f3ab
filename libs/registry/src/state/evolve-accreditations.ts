import type {
  AccreditationReinstated,
  AccreditationRevoked,
  AccreditationSuspended,
  AgencyAccredited,
} from '../facts/registry-facts.js';
import { epochMillisOf } from '../time/instant.js';
import type { Inapplicable } from './evolve-keys.js';
import type { AccreditationChangeKind, RegistryState } from './registry-state.js';

export function applyAgencyAccredited(state: RegistryState, fact: AgencyAccredited, at: number): RegistryState | Inapplicable {
  if (state.principals.get(fact.agencyId)?.principal.kind !== 'agency') return { notApplied: `agency "${fact.agencyId}" is not registered` };
  if (state.accreditations.has(fact.accreditationId)) return { notApplied: `accreditation "${fact.accreditationId}" already exists` };
  const validFrom = epochMillisOf(fact.validFrom);
  const validUntil = epochMillisOf(fact.validUntil);
  if (validFrom === undefined || validUntil === undefined) return { notApplied: 'its validity is not a valid time range' };
  const entry = {
    accreditationId: fact.accreditationId,
    agencyId: fact.agencyId,
    scope: [...fact.scope],
    validFrom,
    validUntil,
    grantedAt: at,
    grantedBy: fact.by,
    changes: [],
  };
  const ofAgency = [...(state.accreditationsByAgency.get(fact.agencyId) ?? []), fact.accreditationId];
  return {
    ...state,
    accreditations: new Map(state.accreditations).set(fact.accreditationId, entry),
    accreditationsByAgency: new Map(state.accreditationsByAgency).set(fact.agencyId, ofAgency),
  };
}

const CHANGES = {
  AccreditationSuspended: 'suspended',
  AccreditationReinstated: 'reinstated',
  AccreditationRevoked: 'revoked',
} as const satisfies Record<string, AccreditationChangeKind>;

/** Appends a suspension, reinstatement or revocation to the accreditation's history. */
export function applyAccreditationChange(
  state: RegistryState,
  fact: AccreditationSuspended | AccreditationReinstated | AccreditationRevoked,
  at: number,
): RegistryState | Inapplicable {
  const accreditation = state.accreditations.get(fact.accreditationId);
  if (accreditation === undefined || accreditation.agencyId !== fact.agencyId) {
    return { notApplied: `agency "${fact.agencyId}" has no accreditation "${fact.accreditationId}"` };
  }
  const changes = [...accreditation.changes, { change: CHANGES[fact.type], at }];
  return { ...state, accreditations: new Map(state.accreditations).set(fact.accreditationId, { ...accreditation, changes }) };
}
