/** Injection tokens of the provenance service (the kit's are in @wildlife/service-kit). */
export const TRUST_ROOTS = Symbol('TRUST_ROOTS');
export const LOG_KEY = Symbol('LOG_KEY');
