import { decodeCanonicalBase64 } from '../canonical-base64.js';
import { ALPHA, DIGIT, isIn, TOKEN_REST } from './character-classes.js';
import { ByteSequence, Decimal, StructuredFieldIsMalformed, Token, type BareItem } from './structured-field.types.js';

const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * A cursor over one field value that reads bare items (RFC 8941 §4.2.3). Every refusal is a
 * `StructuredFieldIsMalformed`; nothing else is thrown, whatever the input.
 */
export class BareItemReader {
  protected at = 0;

  constructor(protected readonly text: string) {}

  fail(reason: string): never {
    throw new StructuredFieldIsMalformed(reason, this.at);
  }

  get done(): boolean {
    return this.at >= this.text.length;
  }

  /** The character code at the cursor; NaN at the end of the input. */
  peek(): number {
    return this.text.charCodeAt(this.at);
  }

  peekIs(char: string): boolean {
    return this.text.charCodeAt(this.at) === char.charCodeAt(0);
  }

  skipSpaces(): void {
    while (this.peek() === SPACE) this.at++;
  }

  skipOptionalWhitespace(): void {
    while (this.peek() === SPACE || this.peek() === TAB) this.at++;
  }

  bareItem(): BareItem {
    const first = this.peek();
    if (this.peekIs('-') || isIn(first, DIGIT)) return this.number();
    if (first === QUOTE) return this.string();
    if (this.peekIs('*') || isIn(first, ALPHA)) return this.token();
    if (this.peekIs(':')) return this.byteSequence();
    if (this.peekIs('?')) return this.boolean();
    return this.fail('expected an item');
  }

  number(): number | Decimal {
    const start = this.at;
    if (this.peekIs('-')) this.at++;
    if (!isIn(this.peek(), DIGIT)) this.fail('expected a digit');
    let dot = -1;
    while (isIn(this.peek(), DIGIT) || (this.peekIs('.') && dot < 0)) {
      if (this.peekIs('.')) dot = this.at;
      this.at++;
    }
    const digits = this.text.slice(start, this.at).replace('-', '');
    if (dot < 0) {
      if (digits.length > 15) this.fail('integer has more than 15 digits');
      return Number(this.text.slice(start, this.at)) || 0; // no negative zero
    }
    const whole = dot - start - (this.text[start] === '-' ? 1 : 0);
    const fraction = this.at - dot - 1;
    if (whole > 12) this.fail('decimal has more than 12 integer digits');
    if (fraction < 1 || fraction > 3) this.fail('decimal needs 1 to 3 fractional digits');
    return new Decimal(Number(this.text.slice(start, this.at)) || 0);
  }

  string(): string {
    this.at++;
    let out = '';
    let run = this.at;
    for (;;) {
      const c = this.peek();
      if (c === QUOTE || c === BACKSLASH) {
        out += this.text.slice(run, this.at);
        this.at++;
        if (c === QUOTE) return out;
        const escaped = this.peek();
        if (escaped !== QUOTE && escaped !== BACKSLASH) this.fail('only \\" and \\\\ are escapes in a string');
        run = this.at++;
      } else if (c >= 0x20 && c <= 0x7e) {
        this.at++;
      } else {
        this.fail(Number.isNaN(c) ? 'string is not closed' : 'strings hold printable ASCII only');
      }
    }
  }

  token(): Token {
    const start = this.at++;
    while (isIn(this.peek(), TOKEN_REST)) this.at++;
    return new Token(this.text.slice(start, this.at));
  }

  byteSequence(): ByteSequence {
    const start = ++this.at;
    const end = this.text.indexOf(':', start);
    if (end < 0) this.fail('byte sequence is not closed');
    const bytes = decodeCanonicalBase64(this.text.slice(start, end));
    if (bytes === undefined) this.fail('byte sequence is not canonical padded base64');
    this.at = end + 1;
    return new ByteSequence(bytes);
  }

  boolean(): boolean {
    this.at++;
    const c = this.peek();
    if (c !== 0x30 && c !== 0x31) this.fail('a boolean is ?1 or ?0');
    this.at++;
    return c === 0x31;
  }}
