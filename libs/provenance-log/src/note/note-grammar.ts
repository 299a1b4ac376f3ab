// Lexical rules shared by C2SP signed notes and checkpoints.

// Go's unicode.IsSpace, which the reference implementation uses for key names: JavaScript's \s
// differs (it has U+FEFF and lacks U+0085).
const UNICODE_SPACE = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Key names are non-empty and hold neither Unicode spaces nor '+' (C2SP signed-note). */
export function isValidKeyName(name: string): boolean {
  return name !== '' && !UNICODE_SPACE.test(name) && !name.includes('+') && !LONE_SURROGATE.test(name);
}

/**
 * Why `text` may not appear in a signed note, or undefined when it may: it must be valid Unicode
 * (so valid UTF-8 once encoded) with no ASCII control character but newline.
 */
export function noteTextProblem(text: string): string | undefined {
  if (LONE_SURROGATE.test(text)) return 'it is not valid Unicode';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x0a) return 'it holds an ASCII control character other than newline';
  }
  return undefined;
}

/**
 * Standard base64 (RFC 4648 §4, padded) decoded only when `text` is its canonical encoding, else
 * undefined. Node's decoder skips invalid characters silently; re-encoding catches those, missing
 * padding and non-zero trailing bits alike.
 */
export function decodeCanonicalBase64(text: string): Uint8Array | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? new Uint8Array(bytes) : undefined;
}

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
