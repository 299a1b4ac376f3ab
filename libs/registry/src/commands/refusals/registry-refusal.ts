/**
 * How a refusal maps to HTTP (RFC 9457 at the edge): `forbidden` 403, `not-found` 404, `conflict`
 * 409, `invalid` 422.
 */
export type RefusalKind = 'forbidden' | 'not-found' | 'conflict' | 'invalid';

/**
 * A registry command refused by `decide`: the class name states the rule that was broken, the
 * message the particulars. Returned, never thrown, by the decide functions.
 */
export abstract class RegistryRefusal extends Error {
  abstract override readonly name: string;
  abstract readonly kind: RefusalKind;
}
