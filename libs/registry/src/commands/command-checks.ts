import { isEd25519PublicKey, isKeyId, type PublicKeyEntry } from '../keys/public-key-entry.js';
import { isAssignedCountryCode } from '../principals/country-codes.js';
import type { PrincipalKind } from '../principals/principal.js';
import { hasRegisteredIdShape, isReservedPrincipalId } from '../principals/principal-ids.js';
import type { RegistryState } from '../state/registry-state.js';
import {
  AgencyIsAlreadyRegistered,
  AuditorIsAlreadyRegistered,
  ExternalSourceIsAlreadyRegistered,
  KeyIdIsAlreadyTaken,
  PrincipalIdIsAlreadyTaken,
  PublicKeyIsAlreadyInUse,
} from './refusals/conflict.refusals.js';
import {
  CountryCodeIsNotAssigned,
  KeyIdIsMalformed,
  NameMustBeGiven,
  PrincipalIdIsMalformed,
  PrincipalIdIsReserved,
  PublicKeyIsNotAnEd25519Key,
  ReasonMustBeGiven,
} from './refusals/input.refusals.js';
import type { RegistryRefusal } from './refusals/registry-refusal.js';

// Value checks shared by the decide functions: each returns the refusal, or undefined when the value is fine.

const ALREADY_REGISTERED = {
  agency: AgencyIsAlreadyRegistered,
  'external-source': ExternalSourceIsAlreadyRegistered,
  auditor: AuditorIsAlreadyRegistered,
} as const;

/** A fresh id for a principal of `kind`: the registered-id shape, not reserved, not taken. */
export function checkNewPrincipalId(state: RegistryState, id: unknown, kind: keyof typeof ALREADY_REGISTERED): RegistryRefusal | undefined {
  if (!hasRegisteredIdShape(id)) return new PrincipalIdIsMalformed(`${JSON.stringify(id)} is not 3 to 63 lower-case letters, digits and hyphens`);
  if (isReservedPrincipalId(id)) return new PrincipalIdIsReserved(`"${id}" is reserved for the trust roots`);
  const holder: PrincipalKind | undefined = state.principals.get(id)?.principal.kind;
  if (holder === undefined) return undefined;
  if (holder === kind) return new ALREADY_REGISTERED[kind](`"${id}" is already registered`);
  return new PrincipalIdIsAlreadyTaken(`"${id}" is already the id of a principal of kind ${holder}`);
}

/** A key not yet in the registry: well-formed id, Ed25519 public key, neither already registered. */
export function checkNewKey(state: RegistryState, key: PublicKeyEntry | undefined): RegistryRefusal | undefined {
  if (!isKeyId(key?.keyId)) return new KeyIdIsMalformed(`${JSON.stringify(key?.keyId)} is not 1 to 128 letters, digits, ".", "_", ":" or "-"`);
  if (!isEd25519PublicKey(key.publicKey)) return new PublicKeyIsNotAnEd25519Key(`key "${key.keyId}" is not unpadded base64url of 32 raw bytes`);
  if (state.keys.has(key.keyId)) return new KeyIdIsAlreadyTaken(`key id "${key.keyId}" is already registered`);
  if (state.keyIdsByPublicKey.has(key.publicKey)) return new PublicKeyIsAlreadyInUse(`the public key of "${key.keyId}" is already registered`);
  return undefined;
}

export function checkCountry(country: unknown): RegistryRefusal | undefined {
  return isAssignedCountryCode(country)
    ? undefined
    : new CountryCodeIsNotAssigned(`${JSON.stringify(country)} is not an officially assigned ISO 3166-1 alpha-2 code in upper case`);
}

export function checkName(name: unknown): RegistryRefusal | undefined {
  return isText(name, 200) ? undefined : new NameMustBeGiven('the name must be non-blank text of at most 200 characters');
}

export function checkReason(reason: unknown): RegistryRefusal | undefined {
  return isText(reason, 2000) ? undefined : new ReasonMustBeGiven('the reason must be non-blank text of at most 2000 characters');
}

function isText(value: unknown, maxLength: number): value is string {
  return typeof value === 'string' && value.trim() !== '' && value.length <= maxLength;
}
