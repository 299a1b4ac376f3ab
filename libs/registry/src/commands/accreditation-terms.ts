import { CAPABILITIES, isCapability } from '../principals/capabilities.js';
import { hasRegisteredIdShape } from '../principals/principal-ids.js';
import type { RegistryState } from '../state/registry-state.js';
import { epochMillisOf, isoOf } from '../time/instant.js';
import { AccreditationIdIsAlreadyTaken } from './refusals/conflict.refusals.js';
import {
  AccreditationIdIsMalformed,
  AccreditationMustEndAfterItStarts,
  AccreditationMustEndInTheFuture,
  AccreditationScopeMustListKnownCapabilities,
  TimeIsMalformed,
} from './refusals/input.refusals.js';
import type { RegistryRefusal } from './refusals/registry-refusal.js';
import type { AccreditAgencyBody } from './registry-commands.js';

/** The validity of a new accreditation in the facts' ISO form, once its id, scope and dates are checked. */
export function checkAccreditationTerms(
  state: RegistryState,
  body: AccreditAgencyBody,
  at: number,
): { readonly validFrom: string; readonly validUntil: string } | RegistryRefusal {
  if (!hasRegisteredIdShape(body.accreditationId)) {
    return new AccreditationIdIsMalformed(`${JSON.stringify(body.accreditationId)} is not 3 to 63 lower-case letters, digits and hyphens`);
  }
  if (state.accreditations.has(body.accreditationId)) return new AccreditationIdIsAlreadyTaken(`"${body.accreditationId}" already exists`);
  const scope: readonly unknown[] = Array.isArray(body.scope) ? body.scope : [];
  if (scope.length === 0 || !scope.every(isCapability) || new Set(scope).size !== scope.length) {
    return new AccreditationScopeMustListKnownCapabilities(`the scope must list, once each, some of: ${CAPABILITIES.join(', ')}`);
  }
  const validFrom = epochMillisOf(body.validFrom);
  const validUntil = epochMillisOf(body.validUntil);
  if (validFrom === undefined) return new TimeIsMalformed(`validFrom ${JSON.stringify(body.validFrom)} is not an RFC 3339 timestamp of a date and time that exist, in the years 0001 to 9999 (UTC)`);
  if (validUntil === undefined) return new TimeIsMalformed(`validUntil ${JSON.stringify(body.validUntil)} is not an RFC 3339 timestamp of a date and time that exist, in the years 0001 to 9999 (UTC)`);
  if (validUntil <= validFrom) return new AccreditationMustEndAfterItStarts(`it ends at ${isoOf(validUntil)}, not after ${isoOf(validFrom)}`);
  if (validUntil <= at) return new AccreditationMustEndInTheFuture(`it ends at ${isoOf(validUntil)}, already past`);
  return { validFrom: isoOf(validFrom), validUntil: isoOf(validUntil) };
}
