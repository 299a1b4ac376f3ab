import type { PublicKeyEntry } from '../keys/public-key-entry.js';

/**
 * The trust roots loaded at deployment (version 1): the General Secretariat's keys, its analysts',
 * and one entry per member country's NCB. Every other principal enters the registry through a fact
 * signed by one of these, directly or through a chain of them.
 */
export interface TrustRoots {
  readonly version: 1;
  readonly generalSecretariat: GeneralSecretariatRoot;
  readonly ncbs: readonly NcbRoot[];
}

export interface GeneralSecretariatRoot {
  readonly principalId: 'gs';
  readonly name?: string;
  readonly keys: readonly PublicKeyEntry[];
  readonly analysts?: readonly AnalystRoot[];
}

/** A GS analyst: a principal of kind `general-secretariat` with an id `gs-<name>`. */
export interface AnalystRoot {
  readonly principalId: string;
  readonly name?: string;
  readonly keys: readonly PublicKeyEntry[];
}

export interface NcbRoot {
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country: string;
  /** Always `ncb-<country in lower case>`. */
  readonly principalId: string;
  readonly name?: string;
  readonly keys: readonly PublicKeyEntry[];
}
