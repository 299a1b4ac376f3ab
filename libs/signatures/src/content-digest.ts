import { createHash } from 'node:crypto';
import { encodeBase64 } from './canonical-base64.js';
import { parseDictionary } from './structured-field/structured-field.parse.js';
import { ByteSequence, StructuredFieldIsMalformed } from './structured-field/structured-field.types.js';

/**
 * The RFC 9530 Content-Digest field value for `body`: `sha-256=:<base64>:`.
 */
export function contentDigest(body: Uint8Array): string {
  return `sha-256=:${encodeBase64(createHash('sha256').update(body).digest())}:`;
}

/** How a Content-Digest field value relates to a body. */
export type ContentDigestCheck = 'match' | 'missing' | 'mismatch' | 'malformed';

const CHECKED_ALGORITHMS = { 'sha-256': 'sha256', 'sha-512': 'sha512' } as const;

/**
 * Checks a Content-Digest field value against the body it came with. `match` requires a `sha-256`
 * member, and every `sha-256` or `sha-512` member present to equal the digest of `body`; members for
 * other algorithms are ignored. Never throws.
 */
export function checkContentDigest(fieldValue: string | undefined, body: Uint8Array): ContentDigestCheck {
  if (fieldValue === undefined) return 'missing';
  let members;
  try {
    members = parseDictionary(fieldValue);
  } catch (error) {
    if (error instanceof StructuredFieldIsMalformed) return 'malformed';
    throw error;
  }
  if (!members.has('sha-256')) return 'missing';
  for (const [name, algorithm] of Object.entries(CHECKED_ALGORITHMS)) {
    const member = members.get(name);
    if (member === undefined) continue;
    if (member.kind !== 'item' || !(member.value instanceof ByteSequence)) return 'malformed';
    const expected = createHash(algorithm).update(body).digest();
    if (!expected.equals(member.value.bytes)) return 'mismatch';
  }
  return 'match';
}
