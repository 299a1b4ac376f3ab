import { pointerOf, type JsonPath } from './json-pointer.js';

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

interface Visit {
  readonly value: unknown;
  /** Undefined for the value itself. */
  readonly path: JsonPath | undefined;
  /** The member's name holds unstorable text: reported by name, its value not searched. */
  readonly nameIsUnstorable: boolean;
}

/**
 * Every string and member name of a parsed JSON value that holds unstorable text, in document order
 * (a member whose name holds it is reported once, by name, and its value is not searched).
 * Iterative: a value nested however deep is walked without deepening the stack.
 */
export function unstorableTextIn(value: unknown): UnstorableText[] {
  const found: UnstorableText[] = [];
  const stack: Visit[] = [{ value, path: undefined, nameIsUnstorable: false }];
  for (let at = stack.pop(); at !== undefined; at = stack.pop()) {
    const { value: member, path } = at;
    if (at.nameIsUnstorable) found.push({ pointer: pointerOf(path), inName: true });
    else if (typeof member === 'string') {
      if (isUnstorableText(member)) found.push({ pointer: pointerOf(path), inName: false });
    } else if (Array.isArray(member)) {
      // Members pushed last first, so they are popped in document order.
      for (let i = member.length - 1; i >= 0; i--) stack.push({ value: member[i], path: { parent: path, token: String(i) }, nameIsUnstorable: false });
    } else if (member !== null && typeof member === 'object') {
      for (const [name, inner] of Object.entries(member).reverse()) {
        stack.push({ value: inner, path: { parent: path, token: name }, nameIsUnstorable: isUnstorableText(name) });
      }
    }
  }
  return found;
}
