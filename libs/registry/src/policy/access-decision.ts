import type { CountryBoundKind, CountrylessKind, PrincipalKind } from '../principals/principal.js';
import type { Action } from './actions.js';

/** `allow`; `forbid` (403: the principal may know the resource, not act on it); `hide` (404: it may not even know it exists). */
export type AccessDecision = 'allow' | 'forbid' | 'hide';

/**
 * How a principal stands to a resource. `own`: the resource is its own (the agency that submitted a
 * request, the principal itself for its keys). `same-country`: the resource belongs to the
 * principal's country. `other-country`: it belongs to a country that is not the principal's (every
 * country, for a principal without one). `global`: the resource has no country and is not its own.
 */
export const RELATIONS = ['own', 'same-country', 'other-country', 'global'] as const;

export type Relation = (typeof RELATIONS)[number];

/** A principal without a country never stands `same-country` to anything. */
export type RelationOf<K extends PrincipalKind> = K extends CountryBoundKind ? Relation : Exclude<Relation, 'same-country'>;

export const RELATIONS_OF_COUNTRYLESS_KINDS = ['own', 'other-country', 'global'] as const satisfies readonly RelationOf<CountrylessKind>[];

export type ActionRow = { readonly [A in Action]: AccessDecision };

/** The whole table: kind → relation → action → decision, every cell written out. */
export type PolicyTable = { readonly [K in PrincipalKind]: { readonly [R in RelationOf<K>]: ActionRow } };
