/** Injection tokens of what every service gets from the kit. */
export const SETTINGS = Symbol('SETTINGS');
export const PG_POOL = Symbol('PG_POOL');
export const KAFKA = Symbol('KAFKA');
export const LOGGER = Symbol('LOGGER');
export const READINESS_CHECKS = Symbol('READINESS_CHECKS');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const EVENT_PIPELINE = Symbol('EVENT_PIPELINE');
/** KAFKA_TOPIC_PREFIX: prepended to every topic and consumer group name. */
export const TOPIC_PREFIX = Symbol('TOPIC_PREFIX');
export const PRINCIPAL_DIRECTORY = Symbol('PRINCIPAL_DIRECTORY');
/** The service's `RegistryDirectory`: its projection of the principal registry (whatever PRINCIPAL_DIRECTORY is). */
export const REGISTRY_DIRECTORY = Symbol('REGISTRY_DIRECTORY');
export const NONCE_STORE = Symbol('NONCE_STORE');
