/** The kinds of registered principal (TARGET-DESIGN section 5). Only `ncb` and accredited
 * `agency` principals can be official sources; `external-source` never is. */
export const PRINCIPAL_KINDS = ['ncb', 'agency', 'general-secretariat', 'external-source', 'auditor'] as const;

export type PrincipalKind = (typeof PRINCIPAL_KINDS)[number];

/** A registered party that vouches for a record. `country` is its ISO 3166-1 alpha-2 code, upper
 * case; the General Secretariat, auditors and some external sources have none. */
export interface Principal {
  readonly id: string;
  readonly kind: PrincipalKind;
  readonly country?: string;
}
