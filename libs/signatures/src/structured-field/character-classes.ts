// Character classes of RFC 8941 as bit flags over ASCII, so the parser tests a character with one
// array lookup instead of a regular expression (parsing is on every request's hot path).
export const DIGIT = 1;
export const ALPHA = 2;
export const KEY_FIRST = 4;
export const KEY_REST = 8;
/** tchar (RFC 9110) plus ":" and "/". */
export const TOKEN_REST = 16;
export const BASE64 = 32;

const classes = new Uint8Array(128);
const mark = (chars: string, flag: number) => {
  for (const c of chars) classes[c.charCodeAt(0)]! |= flag;
};
const digits = '0123456789';
const lower = 'abcdefghijklmnopqrstuvwxyz';
const upper = lower.toUpperCase();
mark(digits, DIGIT);
mark(lower + upper, ALPHA);
mark(`${lower}*`, KEY_FIRST);
mark(`${lower}${digits}_-.*`, KEY_REST);
mark(`!#$%&'*+-.^_\`|~${digits}${lower}${upper}:/`, TOKEN_REST);
mark(`${digits}${lower}${upper}+/=`, BASE64);

/** True when the character code `code` is in every class of `flags`. NaN (end of input) is in none. */
export function isIn(code: number, flags: number): boolean {
  return code < 128 && (classes[code]! & flags) === flags;
}
