import { isPlainObject, jsonValueProblem } from './json-value.shape.js';
import { LOG_CLASSIFICATIONS, LOG_ENTRY_VERSION, LOGGED_PRINCIPAL_KINDS } from './log-entry.js';
import { loggedMaterialProblem } from './logged-material.shape.js';

const REQUIRED = ['v', 'sequence', 'time', 'record', 'source', 'classification', 'reason', 'evidence'];
const ENTRY_FIELDS = new Set([...REQUIRED, 'supersedes', 'basis', 'recordData']);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;
const RFC3339_UTC = /Z$/;
const REASON_CODE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const COUNTRY = /^[A-Z]{2}$/;

const isIndex = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isTimestamp = (value: unknown): boolean => typeof value === 'string' && RFC3339.test(value) && !Number.isNaN(Date.parse(value));
const fieldsOutside = (value: object, allowed: readonly string[]) => Object.keys(value).find((key) => !allowed.includes(key));

/**
 * The reason `value` is not a version-1 `LogEntry`, or undefined when it is one. Checks exact
 * fields at every level, value types, I-JSON, and the cross-field rules: `supersedes` and every
 * `basis` sequence point to earlier entries (`basis` ascending, no repeats), and an entry that is
 * not `rejected` names its source and carries its evidence, unless it is a change of classification
 * (`supersedes`), whose evidence may be left in the entry it supersedes. Never throws.
 */
export function logEntryShapeProblem(value: unknown): string | undefined {
  if (!isPlainObject(value)) return 'the entry is not an object';
  const unknownField = Object.keys(value).find((key) => !ENTRY_FIELDS.has(key));
  if (unknownField !== undefined) return `unknown field "${unknownField}"`;
  const missing = REQUIRED.find((key) => !(key in value));
  if (missing !== undefined) return `missing field "${missing}"`;
  const json = jsonValueProblem(value, 'entry');
  if (json !== undefined) return json;

  const { v, sequence, time, classification, source, evidence } = value;
  if (v !== LOG_ENTRY_VERSION) return `v is not ${LOG_ENTRY_VERSION}`;
  if (!isIndex(sequence)) return 'sequence is not a natural number below 2^53';
  if (!isTimestamp(time) || !RFC3339_UTC.test(time as string)) return 'time is not an RFC 3339 UTC timestamp';
  if (!(LOG_CLASSIFICATIONS as readonly unknown[]).includes(classification)) return 'classification is not one of the four';
  return (
    recordProblem(value.record) ??
    (source === null ? undefined : principalProblem(source)) ??
    reasonProblem(value.reason) ??
    (evidence === null ? undefined : loggedMaterialProblem(evidence)) ??
    referencesProblem(value, sequence) ??
    ('recordData' in value && !isPlainObject(value.recordData) ? 'recordData is not an object' : undefined) ??
    (classification !== 'rejected' && source === null ? 'an entry that is not rejected must name its source' : undefined) ??
    (classification !== 'rejected' && evidence === null && !('supersedes' in value)
      ? 'an entry that is not rejected must carry its evidence, or supersede the entry that does'
      : undefined)
  );
}

function recordProblem(record: unknown): string | undefined {
  if (!isPlainObject(record)) return 'record is not an object';
  const extra = fieldsOutside(record, ['id', 'type', 'subject', 'time']);
  if (extra !== undefined) return `record has an unknown field "${extra}"`;
  if (!isText(record.id)) return 'record.id is not a non-empty string';
  if (!isText(record.type)) return 'record.type is not a non-empty string';
  if (record.subject !== null && typeof record.subject !== 'string') return 'record.subject is neither a string nor null';
  if (record.time !== null && !isTimestamp(record.time)) return 'record.time is neither an RFC 3339 timestamp nor null';
  return undefined;
}

function principalProblem(source: unknown): string | undefined {
  if (!isPlainObject(source)) return 'source is neither an object nor null';
  const extra = fieldsOutside(source, ['id', 'kind', 'country']);
  if (extra !== undefined) return `source has an unknown field "${extra}"`;
  if (!isText(source.id)) return 'source.id is not a non-empty string';
  if (!(LOGGED_PRINCIPAL_KINDS as readonly unknown[]).includes(source.kind)) return 'source.kind is not a principal kind';
  if ('country' in source && !COUNTRY.test(String(source.country))) return 'source.country is not an ISO 3166-1 alpha-2 code';
  return undefined;
}

function reasonProblem(reason: unknown): string | undefined {
  if (!isPlainObject(reason)) return 'reason is not an object';
  const extra = fieldsOutside(reason, ['code', 'text']);
  if (extra !== undefined) return `reason has an unknown field "${extra}"`;
  if (typeof reason.code !== 'string' || !REASON_CODE.test(reason.code) || reason.code.length > 64) {
    return 'reason.code is not a kebab-case code of at most 64 characters';
  }
  return isText(reason.text) ? undefined : 'reason.text is not a non-empty string';
}

function referencesProblem(entry: Record<string, unknown>, sequence: number): string | undefined {
  if ('supersedes' in entry && !(isIndex(entry.supersedes) && entry.supersedes < sequence)) {
    return 'supersedes is not the sequence of an earlier entry';
  }
  if (!('basis' in entry)) return undefined;
  const basis = entry.basis;
  if (!Array.isArray(basis)) return 'basis is not a list';
  for (const [position, item] of basis.entries()) {
    if (!isIndex(item) || item >= sequence) return 'basis holds something other than an earlier sequence';
    if (position > 0 && item <= basis[position - 1]) return 'basis is not strictly ascending';
  }
  return undefined;
}
