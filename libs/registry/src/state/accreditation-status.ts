import { effectiveStartOf, type AccreditationChangeKind, type AccreditationEntry, type RegistryState } from './registry-state.js';

/** Where one accreditation stands at a moment. Only `active` counts. */
export type AccreditationStatus = 'active' | 'not-yet-valid' | 'suspended' | 'revoked' | 'expired' | 'superseded';

/**
 * The accreditation that governs an agency at `at`: of those already counting (see
 * `effectiveStartOf`), the one that started last; on a tie, the one granted last. Later ones have
 * not started yet; earlier ones are superseded. One revoked before it started never counted, so it
 * replaces nothing (the earlier one keeps governing).
 */
export function governingAccreditation(state: RegistryState, agencyId: string, at: number): AccreditationEntry | undefined {
  let governing: AccreditationEntry | undefined;
  for (const id of state.accreditationsByAgency.get(agencyId) ?? []) {
    const candidate = state.accreditations.get(id);
    if (candidate === undefined || effectiveStartOf(candidate) > at || revokedBeforeItStarted(candidate)) continue;
    if (governing === undefined || effectiveStartOf(candidate) >= effectiveStartOf(governing)) governing = candidate;
  }
  return governing;
}

/** Revoked at or before its first counting moment: it never counted, and never will. */
export function revokedBeforeItStarted(accreditation: AccreditationEntry): boolean {
  const revoked = accreditation.changes.find((change) => change.change === 'revoked');
  return revoked !== undefined && revoked.at <= effectiveStartOf(accreditation);
}

/** The status of one accreditation at `at` (revocation first, then end of validity, start, supersession, suspension). */
export function accreditationStatus(state: RegistryState, accreditation: AccreditationEntry, at: number): AccreditationStatus {
  if (lastChangeBy(accreditation, at, ['revoked']) !== undefined) return 'revoked';
  if (at >= accreditation.validUntil) return 'expired';
  if (at < effectiveStartOf(accreditation)) return 'not-yet-valid';
  if (governingAccreditation(state, accreditation.agencyId, at)?.accreditationId !== accreditation.accreditationId) return 'superseded';
  return lastChangeBy(accreditation, at, ['suspended', 'reinstated'])?.change === 'suspended' ? 'suspended' : 'active';
}

/** The latest change of one of `kinds` made at or before `at`. */
export function lastChangeBy(accreditation: AccreditationEntry, at: number, kinds: readonly AccreditationChangeKind[]) {
  return accreditation.changes.filter((change) => change.at <= at && kinds.includes(change.change)).at(-1);
}
