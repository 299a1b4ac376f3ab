import { createHash } from 'node:crypto';

// Ids the services mint for a signed record, derived from the signature that made it (ENTRY-FORMAT.md
// of @wildlife/provenance-log, "Ids derived from the signature"). One signature identity, one record:
// a copy of a genuine record carrying other ids no longer matches the signature it carries.

/** What tells one accepted signed request of a key from any other: its key id, `created` and nonce (all signed). */
export interface SignatureIdentity {
  readonly keyId: string;
  readonly created: number;
  readonly nonce: string;
}

/** Purpose labels of the ids derived from a signature (the record id's label is `recordIdLabel(type)`). */
export const DERIVED_ID_LABELS = {
  /** The id intake mints for a support request. */
  request: 'request',
  /** The id intake mints for a piece of external information. */
  externalInformation: 'external-information',
  /** The accreditation id the registry mints when the body names none (prefixed `acc-`). */
  accreditation: 'accreditation',
  /** A direct-contact permit's id: derived from its request id and its endorsement's record id, not from a signature. */
  permit: 'permit',
} as const;

/** The prefix of an accreditation id the registry mints (`acc-<derived uuid>`). */
export const MINTED_ACCREDITATION_ID_PREFIX = 'acc-';

/** Names the version of the encoding below; a new encoding takes a new name. */
const DOMAIN = 'wildlife.derived-id.v1';

/**
 * An RFC 9562 UUIDv8 (lower-case, hyphenated) determined by `label` and `from`: the first 16 bytes of
 * SHA-256 over the UTF-8 of the JSON array `["wildlife.derived-id.v1", label, ...from]` written as
 * `JSON.stringify` writes it (strings and safe integers only, so that is its RFC 8785 canonical
 * form: unambiguous whatever the strings hold), then the version nibble (byte 6, high half) set to
 * 8 and the variant bits (byte 8, two high bits) to `10`. Throws RangeError for a number that is
 * not a safe integer. Each label is used with one shape of `from` (see `DERIVED_ID_LABELS`).
 */
export function derivedId(label: string, from: readonly (string | number)[]): string {
  for (const part of from) if (typeof part === 'number' && !Number.isSafeInteger(part)) throw new RangeError(`A derived id is made from strings and safe integers, not ${part}.`);
  const digest = createHash('sha256').update(JSON.stringify([DOMAIN, label, ...from]), 'utf8').digest();
  const bytes = digest.subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id for `label` derived from a signature: `derivedId(label, [keyId, created, nonce])`. */
export function signatureDerivedId(label: string, signature: SignatureIdentity): string {
  return derivedId(label, [signature.keyId, signature.created, signature.nonce]);
}

/**
 * The label of the id of a record of CloudEvent type `recordType`: `record:<type>`. The type is part of
 * it because one signature identity may be accepted by two services (each keeps its own nonces), each
 * making a record of its own type.
 */
export const recordIdLabel = (recordType: string): string => `record:${recordType}`;

/** The CloudEvent id of the record of type `recordType` that the signed request `signature` made. */
export function recordIdOf(recordType: string, signature: SignatureIdentity): string {
  return signatureDerivedId(recordIdLabel(recordType), signature);
}

/** A direct-contact permit's id: `derivedId("permit", [requestId, endorsementRecordId])`. */
export function permitIdOf(requestId: string, endorsementRecordId: string): string {
  return derivedId(DERIVED_ID_LABELS.permit, [requestId, endorsementRecordId]);
}
