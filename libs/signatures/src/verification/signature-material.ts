/**
 * Everything needed to check a request's signature again later, offline, as plain JSON. A service
 * stores it with the record it accepted; an auditor hands it to `reverify` with the signer's public
 * key as it was registered at `created`.
 */
export interface SignatureMaterial {
  readonly label: string;
  readonly keyId: string;
  /** The Signature-Input member, canonically serialised: exactly the `@signature-params` value signed. */
  readonly signatureInput: string;
  /** The Ed25519 signature, standard padded base64. */
  readonly signature: string;
  readonly coveredComponents: readonly string[];
  /** Covered component name → the value used for it in the signature base. */
  readonly componentValues: Readonly<Record<string, string>>;
  readonly method: string;
  readonly targetUri: string;
  /** The request body, standard padded base64 ("" for none). */
  readonly bodyBase64: string;
  readonly created: number;
  readonly nonce: string;
}
