// I-JSON (RFC 7493) is what RFC 8785 canonicalises: no lone surrogates, numbers that are finite
// IEEE 754 doubles, no values JSON cannot carry (undefined, functions, bigint).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the string is valid Unicode (no lone surrogate), so its UTF-8 form round-trips. */
export function isWellFormedText(value: string): boolean {
  return !LONE_SURROGATE.test(value);
}

/**
 * The reason `value` is not an I-JSON value made of plain objects, arrays and primitives, with
 * `path` naming where; undefined when it is. Never throws (depth is bounded by the caller's JSON).
 * (Checked first without building paths, which cost more than the check; only a value with a
 * problem is walked again to name it.)
 */
export function jsonValueProblem(value: unknown, path: string): string | undefined {
  return isJsonValue(value) ? undefined : problemAt(value, path);
}

function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'string') return isWellFormedText(value);
  if (Array.isArray(value)) {
    for (const item of value.values()) if (!isJsonValue(item)) return false;
    return true;
  }
  if (isPlainObject(value)) {
    for (const key of Object.keys(value)) if (!isWellFormedText(key) || !isJsonValue(value[key])) return false;
    return true;
  }
  return false;
}

function problemAt(value: unknown, path: string): string | undefined {
  if (value === null || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} is not a finite number`;
  if (typeof value === 'string') return isWellFormedText(value) ? undefined : `${path} holds a lone surrogate`;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const problem = problemAt(item, `${path}[${index}]`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (!isWellFormedText(key)) return `${path} has a key with a lone surrogate`;
      const problem = problemAt(item, `${path}.${key}`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  return `${path} is not a JSON value`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
