import { sign, verify } from 'node:crypto';
import {
  NoteIsMalformed,
  NoteIsNotSignedByAKnownKey,
  NoteSignatureIsInvalid,
  NoteTextCannotBeSigned,
  VerifierKeysAreAmbiguous,
} from './note.errors.js';
import { decodeCanonicalBase64, encodeBase64, isValidKeyName, noteTextProblem } from './note-grammar.js';
import { parseSignerKey, parseVerifierKey, type NoteSigner, type NoteVerifier } from './note-keys.js';

/** Em dash (U+2014) and space: the start of every signature line. */
const SIGNATURE_LINE_PREFIX = '\u2014 ';
const ED25519_SIGNATURE_SIZE = 64;
/** Notes with more signatures are refused, as the Go reference does (C2SP asks for at least 16). */
export const MAX_NOTE_SIGNATURES = 100;

/** One signature line of a note. */
export interface NoteSignature {
  readonly keyName: string;
  readonly keyId: number;
  /** The line's base64 (key ID || signature), as found. */
  readonly base64: string;
}

/** A note whose signatures from known keys all verified, and at least one did. */
export interface OpenedNote {
  /** The signed text, final newline included: trust it only because `verified` is not empty. */
  readonly text: string;
  readonly verified: readonly NoteSignature[];
  /** Signatures from keys the caller did not give: ignored, as the spec requires. */
  readonly unverified: readonly NoteSignature[];
}

/**
 * Signs `text` as a C2SP signed note with one Ed25519 key: text, blank line, one signature line
 * `— <name> <base64(key ID || signature)>`. Deterministic (RFC 8032). Throws `NoteTextCannotBeSigned`
 * unless the text ends in a newline and holds no control character but newline.
 */
export function signNote(text: string, signer: NoteSigner | string): string {
  const key = typeof signer === 'string' ? parseSignerKey(signer) : signer;
  if (!text.endsWith('\n')) throw new NoteTextCannotBeSigned('it must end with a newline');
  const problem = noteTextProblem(text);
  if (problem !== undefined) throw new NoteTextCannotBeSigned(problem);
  const keyId = Buffer.alloc(4);
  keyId.writeUInt32BE(key.keyId);
  const signature = sign(null, Buffer.from(text, 'utf8'), key.privateKey);
  return `${text}\n${SIGNATURE_LINE_PREFIX}${key.name} ${encodeBase64(Buffer.concat([keyId, signature]))}\n`;
}

/**
 * Opens a C2SP signed note (the raw bytes as served, or a string) against the given verifier keys.
 * Returns the text only when at least one known key's signature verifies and none fails. Throws
 * `NoteIsMalformed` for anything outside the grammar (invalid UTF-8, control characters, no blank
 * line before the signatures, a line not starting with em dash + space, bad key name or base64,
 * more than 100 signatures), `NoteSignatureIsInvalid` when a signature from a known key (same name
 * AND key ID) fails, `NoteIsNotSignedByAKnownKey` when no known key signed, and
 * `VerifierKeysAreAmbiguous` when two given keys share a name and key ID. Signatures from unknown
 * keys are ignored, even if they share a name or an ID (but not both) with a known key.
 */
export function openSignedNote(
  note: string | Uint8Array,
  verifierKeys: string | NoteVerifier | readonly (string | NoteVerifier)[],
): OpenedNote {
  const verifiers = (Array.isArray(verifierKeys) ? verifierKeys : [verifierKeys]).map((v: string | NoteVerifier) =>
    typeof v === 'string' ? parseVerifierKey(v) : v,
  );
  const message = typeof note === 'string' ? note : decodeUtf8(note);
  const problem = noteTextProblem(message);
  if (problem !== undefined) throw new NoteIsMalformed(problem);
  const split = message.lastIndexOf('\n\n');
  if (split < 0) throw new NoteIsMalformed('no blank line separates the text from signatures');
  const text = message.slice(0, split + 1);
  const block = message.slice(split + 2);
  if (block === '' || !block.endsWith('\n')) throw new NoteIsMalformed('the signatures must end with a newline');
  const lines = block.slice(0, -1).split('\n');
  if (lines.length > MAX_NOTE_SIGNATURES) throw new NoteIsMalformed(`more than ${MAX_NOTE_SIGNATURES} signatures`);

  const signed = Buffer.from(text, 'utf8');
  const verified = new Map<string, NoteSignature>();
  const unverified = new Map<string, NoteSignature>();
  for (const line of lines) {
    const { signature, keySignature } = parseSignatureLine(line);
    const verifier = knownVerifier(verifiers, signature);
    if (verifier === undefined) {
      unverified.set(line, signature);
      continue;
    }
    const valid = keySignature.length === ED25519_SIGNATURE_SIZE && verify(null, signed, verifier.key, keySignature);
    if (!valid) throw new NoteSignatureIsInvalid(signature.keyName, signature.keyId);
    const keyRef = `${signature.keyName}+${signature.keyId}`;
    if (!verified.has(keyRef)) verified.set(keyRef, signature);
  }
  if (verified.size === 0) {
    throw new NoteIsNotSignedByAKnownKey([...unverified.values()].map((s) => s.keyName));
  }
  return { text, verified: [...verified.values()], unverified: [...unverified.values()] };
}

function parseSignatureLine(line: string): { signature: NoteSignature; keySignature: Uint8Array } {
  if (!line.startsWith(SIGNATURE_LINE_PREFIX)) throw new NoteIsMalformed('a signature line must start with "— "');
  const rest = line.slice(SIGNATURE_LINE_PREFIX.length);
  const space = rest.indexOf(' ');
  const keyName = space < 0 ? rest : rest.slice(0, space);
  const base64 = space < 0 ? '' : rest.slice(space + 1);
  const bytes = decodeCanonicalBase64(base64);
  if (!isValidKeyName(keyName)) throw new NoteIsMalformed('a signature line has an invalid key name');
  if (bytes === undefined || bytes.length < 5) {
    throw new NoteIsMalformed('a signature is not base64 of key ID || signature');
  }
  const keyId = Buffer.from(bytes.buffer, bytes.byteOffset, 4).readUInt32BE(0);
  return { signature: { keyName, keyId, base64 }, keySignature: bytes.slice(4) };
}

function knownVerifier(verifiers: readonly NoteVerifier[], signature: NoteSignature): NoteVerifier | undefined {
  const matches = verifiers.filter((v) => v.name === signature.keyName && v.keyId === signature.keyId);
  const distinct = new Set(matches.map((v) => Buffer.from(v.publicKey).toString('hex')));
  if (distinct.size > 1) throw new VerifierKeysAreAmbiguous(signature.keyName, signature.keyId);
  return matches[0];
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new NoteIsMalformed('it is not valid UTF-8');
  }
}
