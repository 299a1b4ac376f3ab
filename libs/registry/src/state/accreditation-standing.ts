import type { Capability } from '../principals/capabilities.js';
import { isoOf, toEpochMillis, type Instant } from '../time/instant.js';
import { accreditationStatus, governingAccreditation, lastChangeBy, revokedBeforeItStarted } from './accreditation-status.js';
import { effectiveStartOf, type AccreditationEntry, type RegistryState } from './registry-state.js';

interface AccreditationTerms {
  readonly accreditationId: string;
  readonly scope: readonly Capability[];
  readonly validFrom: string;
  readonly validUntil: string;
}

export type AccreditationStanding =
  | ({ readonly accredited: true; readonly status: 'active' } & AccreditationTerms)
  | ({
      readonly accredited: false;
      readonly status: 'not-an-agency' | 'never-accredited' | 'not-yet-valid' | 'suspended' | 'revoked' | 'expired';
      /** A sentence saying why, for logs, problem details and auditors. */
      readonly whyNot: string;
    } & Partial<AccreditationTerms>);

/**
 * Whether an agency was accredited at `atTime`, and on which terms. Accredited means: the
 * accreditation governing it then (the one that started counting last; see `governingAccreditation`)
 * had started counting (not before it was granted), had not ended (`validUntil` exclusive), and was
 * neither revoked nor suspended at that moment. Nothing is retroactive: a revocation or suspension
 * changes the answer only from its own time on. With none counting, `not-yet-valid` names the next one
 * to count, never one revoked before it started (which never will). Throws only `InstantIsMalformed`.
 */
export function accreditationAt(state: RegistryState, agencyId: string, atTime: Instant): AccreditationStanding {
  return accreditationStandingAt(state, agencyId, toEpochMillis(atTime));
}

/** `accreditationAt` for a time in milliseconds since the epoch. */
export function accreditationStandingAt(state: RegistryState, agencyId: string, at: number): AccreditationStanding {
  if (state.principals.get(agencyId)?.principal.kind !== 'agency') {
    return { accredited: false, status: 'not-an-agency', whyNot: `"${agencyId}" is not a registered national agency.` };
  }
  const governing = governingAccreditation(state, agencyId, at);
  if (governing === undefined) return notYetOrNever(state, agencyId, at);
  const terms = termsOf(governing);
  const subject = `Accreditation "${governing.accreditationId}" of agency "${agencyId}"`;
  switch (accreditationStatus(state, governing, at)) {
    case 'revoked':
      return { accredited: false, status: 'revoked', whyNot: `${subject} was revoked at ${changeTime(governing, at, 'revoked')}.`, ...terms };
    case 'expired':
      return { accredited: false, status: 'expired', whyNot: `${subject} ended at ${terms.validUntil}.`, ...terms };
    case 'suspended':
      return { accredited: false, status: 'suspended', whyNot: `${subject} was suspended at ${changeTime(governing, at, 'suspended')}.`, ...terms };
    default:
      return { accredited: true, status: 'active', ...terms };
  }
}

/** No accreditation counting at `at`: the next one to count, if any. One revoked before it started never will, so it is left out. */
function notYetOrNever(state: RegistryState, agencyId: string, at: number): AccreditationStanding {
  const upcoming = (state.accreditationsByAgency.get(agencyId) ?? [])
    .map((id) => state.accreditations.get(id))
    .filter((entry): entry is AccreditationEntry => entry !== undefined && !revokedBeforeItStarted(entry))
    .sort((a, b) => effectiveStartOf(a) - effectiveStartOf(b))[0];
  if (upcoming === undefined) {
    return { accredited: false, status: 'never-accredited', whyNot: `Agency "${agencyId}" had no accreditation at ${isoOf(at)}.` };
  }
  return {
    accredited: false,
    status: 'not-yet-valid',
    whyNot: `Accreditation "${upcoming.accreditationId}" of agency "${agencyId}" only counts from ${isoOf(effectiveStartOf(upcoming))}.`,
    ...termsOf(upcoming),
  };
}

function termsOf(accreditation: AccreditationEntry): AccreditationTerms {
  return {
    accreditationId: accreditation.accreditationId,
    scope: accreditation.scope,
    validFrom: isoOf(accreditation.validFrom),
    validUntil: isoOf(accreditation.validUntil),
  };
}

function changeTime(accreditation: AccreditationEntry, at: number, kind: 'revoked' | 'suspended'): string {
  const change = lastChangeBy(accreditation, at, [kind]);
  return change === undefined ? 'an unknown time' : isoOf(change.at);
}
