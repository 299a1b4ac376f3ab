/** A UTF-16 surrogate without its pair. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Text PostgreSQL can store in neither `text` nor `jsonb`: a U+0000, or half of a surrogate pair.
 * A record carrying it could never be written, however often it is retried.
 */
export function isUnstorableText(text: string): boolean {
  return text.includes('\u0000') || LONE_SURROGATE.test(text);
}

/** Where a parsed JSON value holds unstorable text: a string, or a member's name. */
export interface UnstorableText {
  /** JSON Pointer (RFC 6901) to the string, or to the member whose name it is. */
  readonly pointer: string;
  readonly inName: boolean;
}

/** Every string and member name of a parsed JSON value that holds unstorable text, in document order. */
export function unstorableTextIn(value: unknown, pointer = ''): UnstorableText[] {
  if (typeof value === 'string') return isUnstorableText(value) ? [{ pointer, inName: false }] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableTextIn(item, `${pointer}/${index}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([name, member]) => {
    const at = `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    return isUnstorableText(name) ? [{ pointer: at, inName: true }] : unstorableTextIn(member, at);
  });
}
