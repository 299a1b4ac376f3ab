import type { Principal, PrincipalKind } from '../../envelope/principal.js';
import { PRINCIPAL_KINDS } from '../../envelope/principal.js';
import type { JsonSchema } from '../../schema/json-schema.js';
import { countryCode, listOf, principalId, record, text } from '../../schema/schema-fragments.js';

/**
 * What an auditor needs to verify again, offline and years later, that a record was signed by its
 * principal (RFC 9421 HTTP Message Signatures over the REST call that created it): the exact body
 * bytes, the covered components and their values, the signature input and the signature.
 */
export interface RecordProvenance {
  /** The principal whose key signed the record, as registered. */
  readonly principal: Principal;
  /** The `keyid` signature parameter. */
  readonly keyId: string;
  /** The signature's label in the Signature-Input and Signature fields (e.g. `sig1`). */
  readonly label: string;
  /** The Signature-Input member for `label`: covered components and parameters, serialised. */
  readonly signatureInput: string;
  /** The signature bytes, base64. */
  readonly signature: string;
  /** The covered component identifiers, in signature-base order (e.g. `"@method"`). */
  readonly coveredComponents: readonly string[];
  /** Each covered component identifier mapped to its value in the signature base. */
  readonly componentValues: Readonly<Record<string, string>>;
  readonly method: string;
  readonly targetUri: string;
  /** The request body exactly as received, base64 (its digest is in `content-digest`). */
  readonly bodyBase64: string;
  /** The `created` signature parameter: Unix time in seconds. */
  readonly created: number;
  /** The `expires` signature parameter, when the signer set one. */
  readonly expires?: number;
  /** The `nonce` signature parameter, against replay. */
  readonly nonce: string;
}

const base64 = (maxLength: number): JsonSchema => ({
  type: 'string',
  pattern: '^[A-Za-z0-9+/]*={0,2}$',
  maxLength,
});
const unixSeconds: JsonSchema = { type: 'integer', minimum: 0, maximum: 253402300799 };

/** `$defs` every record event embeds; refer to them as `#/$defs/principal` and `#/$defs/recordProvenance`. */
export const recordDefs: Record<string, JsonSchema> = {
  principal: record({ id: principalId, kind: { enum: [...PRINCIPAL_KINDS] }, country: countryCode }, ['country']),
  recordProvenance: record(
    {
      principal: { $ref: '#/$defs/principal' },
      keyId: text(1, 200),
      label: { type: 'string', pattern: '^[a-z*][a-z0-9_.*-]*$', maxLength: 64 },
      signatureInput: text(1, 4096),
      signature: { ...base64(1024), minLength: 4 },
      coveredComponents: listOf(text(1, 200), 32, 1),
      componentValues: {
        type: 'object',
        additionalProperties: text(0, 8192),
        propertyNames: { maxLength: 200 },
        maxProperties: 32,
      },
      method: { type: 'string', pattern: '^[A-Z]{1,16}$' },
      targetUri: { type: 'string', format: 'uri', maxLength: 4096 },
      // At most 512 KiB of body. A real request is a few KiB; the bound keeps one event (body plus
      // the parsed fields beside it) well inside Kafka's default 1 MiB message size.
      bodyBase64: base64(699_052),
      created: unixSeconds,
      expires: unixSeconds,
      nonce: text(1, 200),
    },
    ['expires'],
  ),
};

/** The schema of a `provenance` property whose signer must be of one of `kinds`. */
export function provenanceSignedBy(...kinds: readonly PrincipalKind[]): JsonSchema {
  return {
    allOf: [
      { $ref: '#/$defs/recordProvenance' },
      {
        type: 'object',
        properties: { principal: { type: 'object', properties: { kind: { enum: [...kinds] } } } },
      },
    ],
  };
}
