import { isAssignedCountryCode } from '../principals/country-codes.js';
import { GENERAL_SECRETARIAT_ID, isGeneralSecretariatAnalystId, ncbIdOf } from '../principals/principal-ids.js';
import { isEd25519PublicKey, isKeyId, type PublicKeyEntry } from '../keys/public-key-entry.js';
import type { AnalystRoot, GeneralSecretariatRoot, NcbRoot, TrustRoots } from './trust-roots.js';
import { TrustRootsAreInvalid } from './trust-roots.errors.js';

type Fields = Record<string, unknown>;

/**
 * Reads a trust-roots document (JSON text, or the value JSON.parse gave). Guarantees on what it
 * returns: version 1; no unknown field anywhere (a misspelt field is an error, never ignored); every
 * country an officially assigned ISO code with one NCB whose id is `ncb-<cc>`; analysts `gs-<name>`;
 * every principal at least one key; every key id and every public key used once in the whole
 * document; every public key a valid Ed25519 key. Throws only `TrustRootsAreInvalid`, naming the
 * first bad field.
 */
export function parseTrustRoots(json: unknown): TrustRoots {
  const document = fieldsOf(typeof json === 'string' ? parseJson(json) : json, '', ['version', 'generalSecretariat', 'ncbs']);
  if (document.version !== 1) throw new TrustRootsAreInvalid('version', 'must be 1');
  const seen = { principals: new Set<string>(), keyIds: new Set<string>(), publicKeys: new Set<string>() };
  const generalSecretariat = readGeneralSecretariat(document.generalSecretariat, seen);
  const ncbs = listAt(document.ncbs, 'ncbs').map((entry, index) => readNcb(entry, `ncbs[${index}]`, seen));
  return { version: 1, generalSecretariat, ncbs };
}

interface Seen {
  readonly principals: Set<string>;
  readonly keyIds: Set<string>;
  readonly publicKeys: Set<string>;
}

function readGeneralSecretariat(value: unknown, seen: Seen): GeneralSecretariatRoot {
  const field = 'generalSecretariat';
  const gs = fieldsOf(value, field, ['principalId', 'name', 'keys', 'analysts']);
  if (gs.principalId !== GENERAL_SECRETARIAT_ID) throw new TrustRootsAreInvalid(`${field}.principalId`, `must be "${GENERAL_SECRETARIAT_ID}"`);
  seen.principals.add(GENERAL_SECRETARIAT_ID);
  const analysts =
    gs.analysts === undefined
      ? undefined
      : listAt(gs.analysts, `${field}.analysts`).map((entry, index) => readAnalyst(entry, `${field}.analysts[${index}]`, seen));
  return {
    principalId: GENERAL_SECRETARIAT_ID,
    ...optionalName(gs.name, field),
    keys: readKeys(gs.keys, field, seen),
    ...(analysts === undefined ? {} : { analysts }),
  };
}

function readAnalyst(value: unknown, field: string, seen: Seen): AnalystRoot {
  const analyst = fieldsOf(value, field, ['principalId', 'name', 'keys']);
  if (!isGeneralSecretariatAnalystId(analyst.principalId)) {
    throw new TrustRootsAreInvalid(`${field}.principalId`, 'must be "gs-" and a name of lower-case letters, digits and hyphens');
  }
  claimPrincipal(analyst.principalId, `${field}.principalId`, seen);
  return { principalId: analyst.principalId, ...optionalName(analyst.name, field), keys: readKeys(analyst.keys, field, seen) };
}

function readNcb(value: unknown, field: string, seen: Seen): NcbRoot {
  const ncb = fieldsOf(value, field, ['country', 'principalId', 'name', 'keys']);
  if (!isAssignedCountryCode(ncb.country)) {
    throw new TrustRootsAreInvalid(`${field}.country`, 'must be an officially assigned ISO 3166-1 alpha-2 code in upper case');
  }
  const expectedId = ncbIdOf(ncb.country);
  if (ncb.principalId !== expectedId) throw new TrustRootsAreInvalid(`${field}.principalId`, `must be "${expectedId}"`);
  claimPrincipal(expectedId, `${field}.principalId`, seen);
  return { country: ncb.country, principalId: expectedId, ...optionalName(ncb.name, field), keys: readKeys(ncb.keys, field, seen) };
}

function readKeys(value: unknown, owner: string, seen: Seen): PublicKeyEntry[] {
  const entries = listAt(value, `${owner}.keys`);
  if (entries.length === 0) throw new TrustRootsAreInvalid(`${owner}.keys`, 'must hold at least one key');
  return entries.map((entry, index) => {
    const field = `${owner}.keys[${index}]`;
    const key = fieldsOf(entry, field, ['keyId', 'publicKey']);
    if (!isKeyId(key.keyId)) throw new TrustRootsAreInvalid(`${field}.keyId`, 'must be 1 to 128 letters, digits, ".", "_", ":" or "-"');
    if (seen.keyIds.has(key.keyId)) throw new TrustRootsAreInvalid(`${field}.keyId`, `repeats the key id "${key.keyId}"`);
    if (!isEd25519PublicKey(key.publicKey)) {
      throw new TrustRootsAreInvalid(`${field}.publicKey`, 'must be unpadded base64url of a 32-byte Ed25519 public key');
    }
    if (seen.publicKeys.has(key.publicKey)) throw new TrustRootsAreInvalid(`${field}.publicKey`, 'repeats a public key given earlier');
    seen.keyIds.add(key.keyId);
    seen.publicKeys.add(key.publicKey);
    return { keyId: key.keyId, publicKey: key.publicKey };
  });
}

function claimPrincipal(id: string, field: string, seen: Seen): void {
  if (seen.principals.has(id)) throw new TrustRootsAreInvalid(field, `repeats the principal "${id}"`);
  seen.principals.add(id);
}

function optionalName(value: unknown, owner: string): { name?: string } {
  if (value === undefined) return {};
  if (typeof value !== 'string' || value.trim() === '' || value.length > 200) {
    throw new TrustRootsAreInvalid(`${owner}.name`, 'must be a non-blank string of at most 200 characters');
  }
  return { name: value };
}

function fieldsOf(value: unknown, field: string, known: readonly string[]): Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new TrustRootsAreInvalid(field, 'must be an object');
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) throw new TrustRootsAreInvalid(field === '' ? unknown : `${field}.${unknown}`, 'is not a known field');
  return value as Fields;
}

function listAt(value: unknown, field: string): unknown[] {
  if (!Array.isArray(value)) throw new TrustRootsAreInvalid(field, 'must be an array');
  return value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new TrustRootsAreInvalid('', 'is not JSON');
  }
}
