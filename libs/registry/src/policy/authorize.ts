import { isCountryBoundKind, type Principal } from '../principals/principal.js';
import type { AccessDecision, Relation } from './access-decision.js';
import type { Action } from './actions.js';
import { POLICY } from './policy.js';

/** What `authorize` needs to know of a resource; see `ACTION_CATALOGUE` for what to pass per action. */
export interface ResourceTies {
  /** ISO 3166-1 alpha-2 country the resource belongs to, if any. */
  readonly country?: string;
  /** The principal whose own resource it is, if any. */
  readonly ownerId?: string;
}

/**
 * How `principal` stands to the resource. `own` when it is the owner — except that a country-bound
 * principal never owns a resource of another country (such a resource stands `other-country`,
 * whatever owner it names). Then by country: `global` when the resource has none, `same-country` or
 * `other-country` otherwise (always `other-country` for a principal without a country).
 */
export function relationOf(principal: Principal, resource: ResourceTies): Relation {
  const countryBound = isCountryBoundKind(principal.kind);
  const ofAnotherCountry = resource.country !== undefined && resource.country !== principal.country;
  if (resource.ownerId === principal.id && !(countryBound && ofAnotherCountry)) return 'own';
  if (resource.country === undefined) return 'global';
  return countryBound && !ofAnotherCountry ? 'same-country' : 'other-country';
}

/**
 * The table's decision for `principal` doing `action` on `resource`. Total and pure: every kind,
 * relation and action has a cell. The principal must be the one the registry holds (kind and country
 * as registered), not one a caller describes.
 */
export function authorize(principal: Principal, action: Action, resource: ResourceTies): AccessDecision {
  const relation = relationOf(principal, resource);
  const row = (POLICY[principal.kind] as Partial<Record<Relation, Record<Action, AccessDecision>>>)[relation];
  // Unreachable: relationOf never gives `same-country` to a kind without a country. Refuse safely anyway.
  return row === undefined ? 'hide' : row[action];
}
