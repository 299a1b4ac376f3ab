import { accreditationAt, isoOf, keyIdsOf, resolveKey, type AccreditationEntry, type KeyEntry, type RegistryState } from '@wildlife/registry';
import type { AccreditationView, KeyView, PrincipalView } from './principal.response.dto.js';

const iso = (millis: number | undefined) => (millis === undefined ? undefined : isoOf(millis));
const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

/** A registered principal, its keys and, for an agency, its accreditations, as they stand at `now`; undefined when not registered. */
export function principalViewOf(state: RegistryState, principalId: string, now: Date): Omit<PrincipalView, 'registryVersion'> | undefined {
  const entry = state.principals.get(principalId);
  if (entry === undefined) return undefined;
  const { principal } = entry;
  const keys = keyIdsOf(state, principalId).map((keyId) => keyViewOf(state, state.keys.get(keyId)!, now));
  const agency = principal.kind === 'agency' ? accreditationsOf(state, principalId, now) : {};
  return defined({
    principalId,
    kind: principal.kind,
    country: principal.country,
    name: principal.name,
    registeredAt: iso(entry.registeredAt),
    registeredBy: entry.registeredBy,
    keys,
    ...agency,
  });
}

function accreditationsOf(state: RegistryState, agencyId: string, now: Date): Pick<PrincipalView, 'accreditation' | 'accreditations'> {
  const standing = accreditationAt(state, agencyId, now);
  return {
    accreditation: defined({ ...standing, scope: standing.scope && [...standing.scope] }),
    accreditations: (state.accreditationsByAgency.get(agencyId) ?? []).map((id) => accreditationViewOf(state.accreditations.get(id)!)),
  };
}

function keyViewOf(state: RegistryState, key: KeyEntry, now: Date): KeyView {
  const resolved = resolveKey(state, key.keyId, now);
  return defined({
    keyId: key.keyId,
    publicKey: key.publicKey,
    standing: 'refused' in resolved ? resolved.refused : 'valid',
    validFrom: iso(key.validFrom),
    retiredAt: iso(key.retiredAt),
    revokedAt: iso(key.revocation?.at),
    revocationReason: key.revocation?.reason,
    compromisedSince: iso(key.revocation?.compromisedSince),
  });
}

function accreditationViewOf(accreditation: AccreditationEntry): AccreditationView {
  return {
    accreditationId: accreditation.accreditationId,
    scope: [...accreditation.scope],
    validFrom: isoOf(accreditation.validFrom),
    validUntil: isoOf(accreditation.validUntil),
    grantedAt: isoOf(accreditation.grantedAt),
    grantedBy: accreditation.grantedBy,
    changes: accreditation.changes.map(({ change, at }) => ({ change, at: isoOf(at) })),
  };
}
