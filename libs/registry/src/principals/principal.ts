/** The kinds of principal (DOMAIN.md "Who takes part"). */
export const PRINCIPAL_KINDS = ['ncb', 'agency', 'general-secretariat', 'external-source', 'auditor'] as const;

export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

/** Kinds that belong to a member country and always carry its code. */
export const COUNTRY_BOUND_KINDS = ['ncb', 'agency'] as const satisfies readonly PrincipalKind[];

export type CountryBoundKind = (typeof COUNTRY_BOUND_KINDS)[number];

/** Kinds with no country: they relate to every country's resources in the same way. */
export type CountrylessKind = Exclude<PrincipalKind, CountryBoundKind>;

/**
 * A registered party. `country` (ISO 3166-1 alpha-2, upper case) is present exactly for `ncb` and
 * `agency`; `name` is for people reading logs and lists.
 */
export interface Principal {
  readonly id: string;
  readonly kind: PrincipalKind;
  readonly country?: string;
  readonly name?: string;
}

export function isCountryBoundKind(kind: PrincipalKind): kind is CountryBoundKind {
  return (COUNTRY_BOUND_KINDS as readonly PrincipalKind[]).includes(kind);
}
