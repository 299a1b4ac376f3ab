import type { Capability } from '../principals/capabilities.js';
import type { Principal } from '../principals/principal.js';
import { toEpochMillis, type Instant } from '../time/instant.js';
import { accreditationStandingAt } from './accreditation-standing.js';
import type { RegistryState } from './registry-state.js';

/** Why a principal is not an official source for a record; each reads as a sentence. */
export type NotOfficialReason =
  | 'PrincipalIsNotRegistered'
  | 'NcbsAreOfficialOnlyForTheirOwnCountry'
  | 'AgenciesAreOfficialOnlyForTheirOwnCountry'
  | 'AgencyWasNotAccreditedAtThatTime'
  | 'AccreditationScopeDoesNotCoverTheCapabilities'
  | 'ExternalSourcesAreNeverOfficial'
  | 'AuditorsAreNeverOfficial';

export type OfficialSourceCheck =
  | { readonly official: true; readonly as: 'ncb' | 'general-secretariat' | 'accredited-agency'; readonly reason: string }
  | { readonly official: false; readonly refusal: NotOfficialReason; readonly reason: string };

/** What the record is about: the country it concerns, and the capabilities it asks for or falls under. */
export interface RecordScope {
  readonly country: string;
  readonly capabilities?: readonly Capability[];
}

/**
 * Whether `principal` was an official source (notification 1.1) for a record concerning `country` at
 * `atTime`: the NCB of that country; the General Secretariat (and its analysts); or an agency of that
 * country accredited at that time (`accreditationAt`) whose scope covers every capability asked, when
 * some are. External sources and auditors never are. Kind and country are taken from the registry,
 * not from the `principal` passed in. The caller checks the signature's key separately (`resolveKey`);
 * the authorisation table decides who may call what, this decides whose word counts as official.
 * Throws only `InstantIsMalformed`.
 */
export function isOfficialSource(state: RegistryState, principal: Principal | string, atTime: Instant, scope: RecordScope): OfficialSourceCheck {
  const at = toEpochMillis(atTime);
  const id = typeof principal === 'string' ? principal : principal.id;
  const registered = state.principals.get(id)?.principal;
  if (registered === undefined) return notOfficial('PrincipalIsNotRegistered', `"${id}" is not a registered principal.`);
  switch (registered.kind) {
    case 'general-secretariat':
      return { official: true, as: 'general-secretariat', reason: `"${id}" is the INTERPOL General Secretariat.` };
    case 'external-source':
      return notOfficial('ExternalSourcesAreNeverOfficial', `"${id}" is an external source, which is never an official source.`);
    case 'auditor':
      return notOfficial('AuditorsAreNeverOfficial', `"${id}" is an auditor, which is never an official source.`);
    case 'ncb':
      return registered.country === scope.country
        ? { official: true, as: 'ncb', reason: `"${id}" is the NCB of ${scope.country}.` }
        : notOfficial('NcbsAreOfficialOnlyForTheirOwnCountry', `"${id}" is the NCB of ${registered.country}, not of ${scope.country}.`);
    case 'agency':
      return agencyCheck(state, registered, at, scope);
  }
}

function agencyCheck(state: RegistryState, agency: Principal, at: number, scope: RecordScope): OfficialSourceCheck {
  if (agency.country !== scope.country) {
    return notOfficial('AgenciesAreOfficialOnlyForTheirOwnCountry', `"${agency.id}" is an agency of ${agency.country}, not of ${scope.country}.`);
  }
  const standing = accreditationStandingAt(state, agency.id, at);
  if (!standing.accredited) return notOfficial('AgencyWasNotAccreditedAtThatTime', standing.whyNot);
  const uncovered = (scope.capabilities ?? []).filter((capability) => !standing.scope.includes(capability));
  if (uncovered.length > 0) {
    return notOfficial(
      'AccreditationScopeDoesNotCoverTheCapabilities',
      `Accreditation "${standing.accreditationId}" of agency "${agency.id}" does not cover ${uncovered.join(', ')}.`,
    );
  }
  return {
    official: true,
    as: 'accredited-agency',
    reason: `"${agency.id}" was accredited by its NCB (accreditation "${standing.accreditationId}") at that time.`,
  };
}

function notOfficial(refusal: NotOfficialReason, reason: string): OfficialSourceCheck {
  return { official: false, refusal, reason };
}
