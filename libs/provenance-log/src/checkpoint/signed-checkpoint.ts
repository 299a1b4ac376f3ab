import { openSignedNote, signNote, type OpenedNote } from '../note/signed-note.js';
import { parseSignerKey, parseVerifierKey, type NoteSigner, type NoteVerifier } from '../note/note-keys.js';
import { CheckpointIsFromAnotherLog } from './checkpoint.errors.js';
import { formatCheckpoint, parseCheckpoint, type Checkpoint } from './checkpoint.js';

/**
 * The checkpoint as a C2SP signed note with the log's Ed25519 key. The spec says the key name SHOULD
 * be the origin; this log makes it a MUST (`CheckpointIsFromAnotherLog` otherwise), so that a
 * verifier key alone tells which log a checkpoint may come from.
 */
export function signCheckpoint(checkpoint: Checkpoint, signer: NoteSigner | string): string {
  const key = typeof signer === 'string' ? parseSignerKey(signer) : signer;
  if (checkpoint.origin !== key.name) throw new CheckpointIsFromAnotherLog(checkpoint.origin, key.name);
  return signNote(formatCheckpoint(checkpoint), key);
}

/** A checkpoint whose note verified, with the note's signatures. */
export interface OpenedCheckpoint {
  readonly checkpoint: Checkpoint;
  readonly note: OpenedNote;
}

/**
 * Verifies a signed checkpoint with the log's verifier key, then parses its text. Returns only when
 * the log key's signature verifies (see `openSignedNote` for every refusal), the body is a
 * well-formed checkpoint (`CheckpointIsMalformed`) and its origin is `expectedOrigin`, by default
 * the key's name (`CheckpointIsFromAnotherLog`). Cosignatures from other keys are ignored.
 */
export function openCheckpoint(
  signedCheckpoint: string | Uint8Array,
  logKey: NoteVerifier | string,
  expectedOrigin?: string,
): OpenedCheckpoint {
  const verifier = typeof logKey === 'string' ? parseVerifierKey(logKey) : logKey;
  const note = openSignedNote(signedCheckpoint, verifier);
  const checkpoint = parseCheckpoint(note.text);
  const origin = expectedOrigin ?? verifier.name;
  if (checkpoint.origin !== origin) throw new CheckpointIsFromAnotherLog(checkpoint.origin, origin);
  return { checkpoint, note };
}
