import { HASH_SIZE } from '../merkle/hashing.js';
import { decodeCanonicalBase64, encodeBase64, noteTextProblem } from '../note/note-grammar.js';
import { CheckpointIsMalformed } from './checkpoint.errors.js';

/** A log's tree head: the body of a C2SP tlog-checkpoint. */
export interface Checkpoint {
  /** Identifies the log; for this project it is also the log key's name. */
  readonly origin: string;
  readonly size: number;
  /** RFC 6962 root of the tree of `size` leaves: 32 bytes. */
  readonly rootHash: Uint8Array;
  /** Opaque, non-empty extension lines (not recommended by the spec; default none). */
  readonly extensions?: readonly string[];
}

const TREE_SIZE = /^(?:0|[1-9][0-9]*)$/;

/**
 * The checkpoint note text: origin, decimal size, base64 root, then any extension lines, each line
 * ending in a newline. Throws `CheckpointIsMalformed` for what `parseCheckpoint` would refuse, so
 * every formatted checkpoint parses back to itself.
 */
export function formatCheckpoint(checkpoint: Checkpoint): string {
  if (!Number.isSafeInteger(checkpoint.size) || checkpoint.size < 0) {
    throw new CheckpointIsMalformed('the size must be a natural number below 2^53');
  }
  const lines = [
    checkpoint.origin,
    String(checkpoint.size),
    encodeBase64(checkpoint.rootHash),
    ...(checkpoint.extensions ?? []),
  ];
  if (lines.some((line) => line.includes('\n'))) throw new CheckpointIsMalformed('a line may not hold a newline');
  const text = lines.map((line) => `${line}\n`).join('');
  parseCheckpoint(text);
  return text;
}

/**
 * Parses a checkpoint note text (the signed text, not the whole note; see `openCheckpoint`). Throws
 * `CheckpointIsMalformed` unless: the text ends in a newline; it has at least three lines, all
 * non-empty; the size has no leading zero (but for "0") and is below 2^53; the root hash is
 * canonical base64 of 32 bytes; no line holds a control character.
 */
export function parseCheckpoint(text: string): Checkpoint {
  const refuse = (reason: string): never => {
    throw new CheckpointIsMalformed(reason);
  };
  if (!text.endsWith('\n')) refuse('the text must end with a newline');
  const problem = noteTextProblem(text);
  if (problem !== undefined) refuse(problem);
  const lines = text.slice(0, -1).split('\n');
  if (lines.length < 3) refuse('it needs origin, size and root hash lines');
  if (lines.some((line) => line === '')) refuse('no line may be empty');
  const [origin, sizeText, rootText, ...extensions] = lines as [string, string, string, ...string[]];
  if (!TREE_SIZE.test(sizeText)) refuse('the size is not a decimal number without leading zeroes');
  const size = Number(sizeText);
  if (!Number.isSafeInteger(size)) refuse('the size is beyond 2^53 - 1');
  const rootHash = decodeCanonicalBase64(rootText);
  if (rootHash?.length !== HASH_SIZE) refuse('the root hash is not base64 of 32 bytes');
  return { origin, size, rootHash: rootHash!, extensions };
}
