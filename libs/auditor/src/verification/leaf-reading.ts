import { logEntryShapeProblem, LogEntryIsMalformed, parseEntry, type LogEntry } from '@wildlife/provenance-log';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Reads leaf bytes as an entry with exactly `parseEntry`'s verdict (the same entries accepted, the
 * same ones refused), faster on the common case. RFC 8785 serialises like `JSON.stringify` with
 * every object's keys sorted by UTF-16 code units; so when the parsed value stringifies back to the
 * exact text and its keys are already in that order, the bytes are canonical and only the shape is
 * left to check. Anything else (integer-like keys reordered by the engine, whitespace, escapes)
 * goes to `parseEntry`, which decides. Returns the entry, or the reason the bytes are not one.
 */
export function readLeaf(bytes: Uint8Array): LogEntry | { readonly malformed: string } {
  let text: string | undefined;
  let value: unknown;
  try {
    text = utf8.decode(bytes);
    value = JSON.parse(text);
  } catch {
    text = undefined;
  }
  if (text !== undefined && JSON.stringify(value) === text && keysAreSorted(value)) {
    const problem = logEntryShapeProblem(value);
    return problem === undefined ? (value as LogEntry) : { malformed: problem };
  }
  try {
    return parseEntry(bytes);
  } catch (error) {
    if (error instanceof LogEntryIsMalformed) return { malformed: error.reason };
    throw error;
  }
}

function keysAreSorted(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (Array.isArray(value)) return value.every(keysAreSorted);
  let previous: string | undefined;
  for (const key in value) {
    if (previous !== undefined && !(previous < key)) return false;
    if (!keysAreSorted((value as Record<string, unknown>)[key])) return false;
    previous = key;
  }
  return true;
}
