/** The General Secretariat's own principal id. */
export const GENERAL_SECRETARIAT_ID = 'gs';

/**
 * The shape of every id chosen at registration (agencies, external sources, auditors), of GS
 * analysts and of accreditation ids: lower-case letters, digits and hyphens, 3 to 63 characters.
 */
export const REGISTERED_ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,62}$/;

/** The id of a country's NCB: `ncb-` and the lower-cased country code (`FR` → `ncb-fr`). */
export function ncbIdOf(country: string): string {
  return `ncb-${country.toLowerCase()}`;
}

export function hasRegisteredIdShape(value: unknown): value is string {
  return typeof value === 'string' && REGISTERED_ID_PATTERN.test(value);
}

/** A GS analyst id: `gs-<name>` in the registered-id shape. */
export function isGeneralSecretariatAnalystId(value: unknown): value is string {
  return hasRegisteredIdShape(value) && value.startsWith('gs-');
}

/**
 * Ids no registration may take, so that an agency or source can never pass for an NCB or the GS by
 * its id alone: `gs`, anything starting `gs-`, anything starting `ncb-`.
 */
export function isReservedPrincipalId(value: string): boolean {
  return value === GENERAL_SECRETARIAT_ID || value.startsWith('gs-') || value.startsWith('ncb-');
}
