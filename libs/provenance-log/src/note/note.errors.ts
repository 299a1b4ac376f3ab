// Refusals of the signed-note code. None of them quotes signer key material.

abstract class SignedNoteRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Not a signed note by the C2SP grammar: bad UTF-8, control characters, missing blank line, bad signature line… */
export class NoteIsMalformed extends SignedNoteRefusal {
  constructor(readonly reason: string) {
    super(`Malformed note: ${reason}`);
  }
}

/** A signature from a known key (name and key ID match) that does not verify: the whole note is rejected. */
export class NoteSignatureIsInvalid extends SignedNoteRefusal {
  constructor(readonly keyName: string, readonly keyId: number) {
    super(`Invalid signature for key ${keyName}+${keyId.toString(16).padStart(8, '0')}`);
  }
}

/** A well-formed note that no known key signed. */
export class NoteIsNotSignedByAKnownKey extends SignedNoteRefusal {
  constructor(readonly unverifiedKeys: readonly string[]) {
    super(`The note has no signature from a known key (signed by: ${unverifiedKeys.join(', ') || 'nobody'})`);
  }
}

/** Two different verifier keys share a name and key ID, so a signature cannot be attributed. */
export class VerifierKeysAreAmbiguous extends SignedNoteRefusal {
  constructor(readonly keyName: string, readonly keyId: number) {
    super(`Ambiguous verifier keys for ${keyName}+${keyId.toString(16).padStart(8, '0')}`);
  }
}

/** A verifier key string that is not `<name>+<8 hex key ID>+<base64(0x01 || Ed25519 public key)>`. */
export class VerifierKeyIsMalformed extends SignedNoteRefusal {
  constructor(readonly reason: string) {
    super(`Malformed verifier key: ${reason}`);
  }
}

/** A signer key string that is not `PRIVATE+KEY+<name>+<8 hex key ID>+<base64(0x01 || seed)>`. */
export class SignerKeyIsMalformed extends SignedNoteRefusal {
  constructor(readonly reason: string) {
    super(`Malformed signer key: ${reason}`);
  }
}

/** A key name that is empty or holds a Unicode space or a plus sign. */
export class KeyNameIsInvalid extends SignedNoteRefusal {
  constructor(readonly keyName: string) {
    super(`Invalid key name ${JSON.stringify(keyName)}: it must be non-empty, without spaces or '+'`);
  }
}

/** Note text that cannot be signed: it must end in a newline and hold no control character but newline. */
export class NoteTextCannotBeSigned extends SignedNoteRefusal {
  constructor(readonly reason: string) {
    super(`Note text cannot be signed: ${reason}`);
  }
}
