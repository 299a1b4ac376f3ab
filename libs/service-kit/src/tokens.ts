/** Injection tokens of what every service gets from the kit. */
export const SETTINGS = Symbol('SETTINGS');
export const PG_POOL = Symbol('PG_POOL');
export const KAFKA = Symbol('KAFKA');
export const LOGGER = Symbol('LOGGER');
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
