import { derivedId, recordIdOf, recordTimeWindowOf, signatureDerivedId } from '@wildlife/signatures';
import type { JsonObject, JsonValue, LoggedSignatureMaterial } from '../entry/log-entry.js';
import { RECORD_BINDINGS, type FieldOrigin, type RecordBinding } from './record-bindings.js';

/** The rejection code of a record whose data says something its signed request does not. */
export const RECORD_DOES_NOT_MATCH_SIGNATURE = 'record-does-not-match-signature';
/** The rejection code of a record whose id is not the one derived from the signature that made it (`recordIdOf`). */
export const RECORD_ID_DOES_NOT_MATCH_SIGNATURE = 'record-id-does-not-match-signature';
/**
 * The rejection code of a record whose CloudEvent time is outside the window in which a service
 * that accepted its signature could have stamped it (`recordTimeWindowOf` of `@wildlife/signatures`).
 */
export const RECORD_TIME_DOES_NOT_MATCH_SIGNATURE = 'record-time-does-not-match-signature';

/** The principal whose key made the signature, as the registry knows it. */
export interface BindingSigner {
  readonly id: string;
  readonly kind: string;
  readonly country?: string;
}

/** A record as the binding sees it: its CloudEvent id, type and time, and its data without `provenance`. */
export interface BoundRecord {
  readonly id: string;
  readonly type: string;
  /** The CloudEvent `time` (RFC 3339): when the producing service stamped the record. */
  readonly time: string | null;
  readonly data: JsonObject | undefined;
}

/** The first thing a record's data says that its signed request does not. */
export interface RecordBindingMismatch {
  readonly code: typeof RECORD_DOES_NOT_MATCH_SIGNATURE | typeof RECORD_ID_DOES_NOT_MATCH_SIGNATURE | typeof RECORD_TIME_DOES_NOT_MATCH_SIGNATURE;
  /** `method`, `targetUri`, `bodyBase64`, `record.type`, `recordData.<dotted path>`, `record.id` (the second code) or `record.time` (the third). */
  readonly field: string;
  /** A sentence naming the field and both values. */
  readonly text: string;
}

type SignedRequestPart = Pick<LoggedSignatureMaterial, 'method' | 'targetUri' | 'bodyBase64' | 'keyId' | 'created' | 'nonce'>;

/**
 * Whether `record` is what its signed request made (`RECORD_BINDINGS`): same method, the route of
 * its type with the path segments its data names, every bound field of its data equal to the body
 * member, signer attribute or signature-derived id it comes from, every derived id (`derivedIds`)
 * equal to the one its fields derive, and finally the record's own id equal to `recordIdOf(type,
 * evidence)` (else `record-id-does-not-match-signature`), and last the record's time within the
 * window in which a service that accepted the signature could have stamped it (`recordTimeWindowOf`:
 * from `created` − 30 s to just before `created` + 361 s; else `record-time-does-not-match-signature`), as the key
 * and accreditation checks read that time. Checks the request as stored in the
 * signature material, so call it once `reverify` accepted that material for `signer`'s key: then
 * nothing the server did not add itself can differ from what the signer signed. Pure; never throws.
 */
export function recordBindingProblem(record: BoundRecord, signer: BindingSigner, evidence: SignedRequestPart): RecordBindingMismatch | undefined {
  if (!Number.isSafeInteger(evidence.created)) return mismatch('created', `The signature's created time ${evidence.created} is not an integer.`);
  const binding = RECORD_BINDINGS[record.type];
  if (binding === undefined) return mismatch('record.type', `No signed request makes records of type "${record.type}".`);
  if (evidence.method !== binding.method) {
    return mismatch('method', `A ${record.type} record is made by ${binding.method} ${binding.route}, but the signed request is a ${evidence.method}.`);
  }
  const compiled = compiledOf(binding);
  const pathname = pathnameOf(evidence.targetUri);
  const params = pathname === undefined ? undefined : routeParams(compiled.segments, pathname);
  if (params === undefined) {
    return mismatch('targetUri', `A ${record.type} record is made by ${binding.method} ${binding.route}, but the signed request is ${evidence.method} ${pathname ?? evidence.targetUri}.`);
  }
  const body = compiled.needsBody ? jsonBodyOf(evidence.bodyBase64) : {};
  if (body === undefined) return mismatch('bodyBase64', `The signed body of ${evidence.method} ${pathname} is not a JSON object.`);
  for (const { field, path, origin } of compiled.fields) {
    const expected = expectedValue(origin, params, body, signer, evidence);
    const actual = valueAtPath(record.data, path);
    if (!sameValue(actual, expected, origin)) {
      return mismatch(
        `recordData.${field}`,
        `recordData.${field} is ${shown(actual)}, but the signed request (${evidence.method} ${pathname}, signed by "${signer.id}") makes it ${shown(expected)}.`,
      );
    }
  }
  for (const [field, { label, from }] of Object.entries(binding.derivedIds ?? {})) {
    const parts = from.map((name) => valueAt(record.data, name));
    const expected = parts.every((part) => typeof part === 'string') ? derivedId(label, parts as string[]) : undefined;
    const actual = valueAt(record.data, field);
    if (expected === undefined || actual !== expected) {
      const named = from.map((name, index) => `recordData.${name} (${shown(parts[index])})`).join(' and ');
      return mismatch(
        `recordData.${from[0]!}`,
        `recordData.${field} is ${shown(actual)}, bound by the signed request (${evidence.method} ${pathname}), but ${named} derive ${expected === undefined ? 'no id' : shown(expected)}.`,
      );
    }
  }
  const recordId = recordIdOf(record.type, evidence);
  if (record.id !== recordId) {
    return {
      code: RECORD_ID_DOES_NOT_MATCH_SIGNATURE,
      field: 'record.id',
      text: `The record's id is ${shown(record.id)}, but the signature (key "${evidence.keyId}", created ${evidence.created}, nonce ${shown(evidence.nonce)}) makes the ${record.type} record ${shown(recordId)}: one signed request makes one record.`,
    };
  }
  return recordTimeProblem(record.time, evidence.created);
}

/** The record's time outside the window its signature's `created` allows (`recordTimeWindowOf`), else undefined. */
function recordTimeProblem(time: string | null, created: number): RecordBindingMismatch | undefined {
  const at = time === null ? Number.NaN : Date.parse(time);
  const { earliest, latest } = recordTimeWindowOf(created);
  if (at >= earliest && at <= latest) return undefined;
  const window = `${new Date(earliest).toISOString()} to ${new Date(latest).toISOString()}`;
  return {
    code: RECORD_TIME_DOES_NOT_MATCH_SIGNATURE,
    field: 'record.time',
    text: Number.isNaN(at)
      ? `The record's time is ${time === null ? 'absent' : shown(time)}, but a record made by a request signed at ${created} is timed from ${window}.`
      : `The record is timed ${time}, but a service that accepted its signature (created ${created}) stamped it from ${window}.`,
  };
}

/**
 * A binding in the form checked per record, worked out once per binding (records of a type share
 * it): its route's segments (a `{param}` segment as its name), whether any field comes from the
 * body, and each field's dotted path already split.
 */
interface CompiledBinding {
  readonly segments: readonly (string | { readonly param: string })[];
  readonly needsBody: boolean;
  readonly fields: readonly { readonly field: string; readonly path: readonly string[]; readonly origin: FieldOrigin }[];
}

const compiledBindings = new WeakMap<RecordBinding, CompiledBinding>();

function compiledOf(binding: RecordBinding): CompiledBinding {
  let compiled = compiledBindings.get(binding);
  if (compiled === undefined) {
    compiled = {
      segments: binding.route.split('/').map((part) => {
        const param = /^\{(.+)\}$/.exec(part)?.[1];
        return param === undefined ? part : { param };
      }),
      needsBody: needsBody(binding),
      fields: Object.entries(binding.fields).map(([field, origin]) => ({ field, path: field.split('.'), origin })),
    };
    compiledBindings.set(binding, compiled);
  }
  return compiled;
}

/** The method, path and body of a request that makes `data` a record of `type` for `signer`: the inverse of the binding (fixtures, examples). */
export function requestOfRecord(type: string, data: JsonObject, signer: BindingSigner): { method: string; path: string; body: JsonObject } | undefined {
  const binding = RECORD_BINDINGS[type];
  if (binding === undefined) return undefined;
  const body: Record<string, JsonValue> = {};
  const params: Record<string, string> = {};
  for (const [field, origin] of Object.entries(binding.fields)) {
    const value = valueAt(data, field);
    if (origin.from === 'path') params[origin.param] = String(value);
    if (value === undefined) continue;
    if (origin.from === 'body' || origin.from === 'body-or-signature') body[origin.member] = value;
    if (origin.from === 'body-or-signer' && value !== signer[origin.attribute]) body[origin.member] = value;
  }
  const path = binding.route.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
  return { method: binding.method, path, body };
}

/** The value the request implies for a field (undefined: the field must be absent). */
function expectedValue(origin: FieldOrigin, params: Readonly<Record<string, string>>, body: JsonObject, signer: BindingSigner, evidence: SignedRequestPart): JsonValue | undefined {
  switch (origin.from) {
    case 'path': {
      const segment = params[origin.param]!;
      return origin.lowerCased ? segment.toLowerCase() : segment;
    }
    case 'body': {
      const value = Object.hasOwn(body, origin.member) ? body[origin.member] : origin.whenAbsent;
      return origin.lowerCased && typeof value === 'string' ? value.toLowerCase() : value;
    }
    case 'signature':
      return (origin.prefix ?? '') + signatureDerivedId(origin.label, evidence);
    case 'body-or-signature':
      return Object.hasOwn(body, origin.member) ? body[origin.member] : (origin.prefix ?? '') + signatureDerivedId(origin.label, evidence);
    case 'body-or-signer':
      return Object.hasOwn(body, origin.member) ? body[origin.member] : signer[origin.attribute];
    case 'signer':
      return signer[origin.attribute];
    case 'signer-kind':
      return origin.values[signer.kind as keyof typeof origin.values];
  }
}

function needsBody(binding: RecordBinding): boolean {
  return Object.values(binding.fields).some((origin) => origin.from.startsWith('body'));
}

/**
 * The body as a JSON object; an empty body is `{}` (every member left out). One leading byte order
 * mark is skipped, as the services' JSON parser skips it: a body sent with one was accepted there and
 * then refused here as "not a JSON object" (found by review, session 12).
 */
function jsonBodyOf(bodyBase64: string): JsonObject | undefined {
  const decoded = Buffer.from(bodyBase64, 'base64').toString('utf8');
  const text = decoded.startsWith('\uFEFF') ? decoded.slice(1) : decoded;
  if (text === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function pathnameOf(targetUri: string): string | undefined {
  try {
    return new URL(targetUri).pathname;
  } catch {
    return undefined;
  }
}

/** The `{param}` values when `pathname` is the route's path (`segments`; path segments percent-decoded), else undefined. */
function routeParams(segments: CompiledBinding['segments'], pathname: string): Record<string, string> | undefined {
  const actual = pathname.split('/');
  if (segments.length !== actual.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < segments.length; index++) {
    const raw = actual[index]!;
    let segment = raw;
    // Without a '%' there is nothing to decode (and nothing decodeURIComponent could refuse).
    if (raw.includes('%')) {
      try {
        segment = decodeURIComponent(raw);
      } catch {
        return undefined;
      }
    }
    const part = segments[index]!;
    if (typeof part !== 'string') params[part.param] = segment;
    else if (segment !== part) return undefined;
  }
  return params;
}

function valueAt(data: JsonObject | undefined, dotted: string): JsonValue | undefined {
  return valueAtPath(data, dotted.split('.'));
}

function valueAtPath(data: JsonObject | undefined, path: readonly string[]): JsonValue | undefined {
  let value: JsonValue | undefined = data;
  for (const name of path) value = isObject(value) && Object.hasOwn(value, name) ? value[name] : undefined;
  return value;
}

function sameValue(actual: JsonValue | undefined, expected: JsonValue | undefined, origin: FieldOrigin): boolean {
  if (origin.from === 'body' && origin.instant && typeof actual === 'string' && typeof expected === 'string') {
    const [a, e] = [Date.parse(actual), Date.parse(expected)];
    if (Number.isFinite(a) && Number.isFinite(e)) return a === e;
  }
  return sameJson(actual, expected);
}

/** Deep equality of JSON values; members of objects in any order. */
function sameJson(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJson(item, (b as readonly JsonValue[])[index]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]));
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shown(value: JsonValue | undefined): string {
  if (value === undefined) return 'absent';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function mismatch(field: string, text: string): RecordBindingMismatch {
  return { code: RECORD_DOES_NOT_MATCH_SIGNATURE, field, text };
}
