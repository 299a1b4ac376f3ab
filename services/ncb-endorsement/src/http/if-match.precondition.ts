import { ProblemError } from '@wildlife/service-kit';
import { trimFieldLine } from '@wildlife/signatures';

// If-Match (RFC 9110 section 13.1.1) on the NCB's decisions and on registry commands: the version the
// officer read (of the request; of the whole `registry` stream), as the strong entity tag
// `"<version>"` the ETag carries, so two officers cannot overwrite each other.

/** The entity tags an If-Match field lists (`*` is refused: it does not say which version was read). */
export interface IfMatch {
  readonly tags: readonly string[];
}

const ENTITY_TAG = /^(W\/)?"[\x21\x23-\x7e\x80-\xff]*"$/;

/** The strong entity tag of a request's version, as sent in ETag. */
export function entityTagOf(version: number): string {
  return `"${version}"`;
}

/**
 * Reads the If-Match field of a decision that requires it: absent, or `*` (which names no version),
 * is a 428 problem; a field that is not a list of entity tags is a 400 problem.
 */
export function requireIfMatch(field: string | string[] | undefined): IfMatch {
  const ifMatch = readIfMatch(field);
  if (ifMatch !== undefined) return ifMatch;
  throw new ProblemError(
    428,
    'if-match-required',
    'Precondition Required',
    'Send If-Match with the version you last read, as its ETag ("<version>"), so that a change made since then is not overwritten.',
  );
}

/**
 * Reads an optional If-Match field: undefined when absent or `*`; a 400 problem when malformed.
 * Only SP and HTAB around the field and its tags are whitespace (`trimFieldLine`), as for its
 * signature: a NBSP or form feed beside a tag leaves it malformed, not read as another tag.
 */
export function readIfMatch(field: string | string[] | undefined): IfMatch | undefined {
  const value = trimFieldLine(Array.isArray(field) ? field.join(',') : (field ?? ''));
  if (value === '' || value === '*') return undefined;
  const tags = value.split(',').map(trimFieldLine);
  if (!tags.every((tag) => ENTITY_TAG.test(tag))) {
    throw new ProblemError(400, 'if-match-malformed', 'Bad Request', 'If-Match must list entity tags such as "3".');
  }
  return { tags };
}

/**
 * Throws a 412 problem unless `ifMatch` names `currentVersion` by strong comparison (a weak tag never
 * matches). Only call it once the caller may know the request exists: the problem gives its version.
 */
export function assertIfMatchHolds(ifMatch: IfMatch | undefined, currentVersion: number, resource = 'request'): void {
  if (ifMatch === undefined || ifMatch.tags.includes(entityTagOf(currentVersion))) return;
  throw versionIsStale(currentVersion, resource);
}

/** The 412 of a stale If-Match; `resource` names what changed ('request', 'registry'). */
export function versionIsStale(currentVersion: number | undefined, resource = 'request'): ProblemError {
  return new ProblemError(
    412,
    'version-is-stale',
    'Precondition Failed',
    `The ${resource} changed since the version named in If-Match; read it again and decide on the current version.`,
    currentVersion === undefined ? {} : { currentVersion },
    currentVersion === undefined ? {} : { etag: entityTagOf(currentVersion) },
  );
}
