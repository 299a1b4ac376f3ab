import type { JsonSchema } from '../../schema/json-schema.js';
import { record, text } from '../../schema/schema-fragments.js';

// Fields the registry events share. The shapes are the ones the registry decides with
// (`@wildlife/registry`), so a fact that was accepted there always validates here.

/** A key as the registry holds it: its `keyid` and the unpadded base64url of the raw 32-byte Ed25519 public key. */
export interface RegistryPublicKey {
  readonly keyId: string;
  readonly publicKey: string;
}

/** Ids chosen at registration (agencies, external sources, auditors) and accreditation ids. */
export const registeredId: JsonSchema = { type: 'string', pattern: '^[a-z0-9][a-z0-9-]{2,62}$' };

/** Printable, no spaces or quotes: it travels unescaped in a signature's `keyid` parameter. */
export const keyId: JsonSchema = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$' };

export const registryPublicKey: JsonSchema = record({
  keyId,
  // 32 bytes are 43 characters of unpadded base64url.
  publicKey: { type: 'string', pattern: '^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$' },
});

export const reason: JsonSchema = text(1, 2000);

export const note: JsonSchema = text(0, 2000);

export const registeredName: JsonSchema = text(1, 200);
