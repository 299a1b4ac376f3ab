import { isIn, KEY_FIRST, KEY_REST } from './character-classes.js';
import { BareItemReader } from './bare-item-reader.js';
import {
  innerList,
  item,
  type BareItem,
  type Dictionary,
  type DictionaryMember,
  type InnerList,
  type Item,
  type Parameters,
} from './structured-field.types.js';

const SPACE = 0x20;

/** Reads the structures of RFC 8941 §4.2 (dictionaries, inner lists, parameters) over bare items. */
class FieldReader extends BareItemReader {
  dictionary(): Dictionary {
    const members: Dictionary = new Map();
    while (!this.done) {
      const key = this.key();
      let member: DictionaryMember;
      if (this.peekIs('=')) {
        this.at++;
        member = this.itemOrInnerList();
      } else {
        member = item(true, this.parameters());
      }
      members.set(key, member);
      this.skipOptionalWhitespace();
      if (this.done) return members;
      if (!this.peekIs(',')) this.fail('expected "," between dictionary members');
      this.at++;
      this.skipOptionalWhitespace();
      if (this.done) this.fail('trailing comma in dictionary');
    }
    return members;
  }

  itemOrInnerList(): DictionaryMember {
    return this.peekIs('(') ? this.innerList() : this.item();
  }

  innerList(): InnerList {
    this.at++;
    const items: Item[] = [];
    while (!this.done) {
      this.skipSpaces();
      if (this.peekIs(')')) {
        this.at++;
        return innerList(items, this.parameters());
      }
      items.push(this.item());
      if (this.peek() !== SPACE && !this.peekIs(')')) this.fail('expected " " or ")" in inner list');
    }
    return this.fail('inner list is not closed');
  }

  item(): Item {
    const value = this.bareItem();
    return item(value, this.parameters());
  }

  parameters(): Parameters {
    const params: Parameters = new Map();
    while (this.peekIs(';')) {
      this.at++;
      this.skipSpaces();
      const key = this.key();
      let value: BareItem = true;
      if (this.peekIs('=')) {
        this.at++;
        value = this.bareItem();
      }
      params.set(key, value);
    }
    return params;
  }

  key(): string {
    if (!isIn(this.peek(), KEY_FIRST)) this.fail('a key starts with a lower-case letter or "*"');
    const start = this.at++;
    while (isIn(this.peek(), KEY_REST)) this.at++;
    return this.text.slice(start, this.at);
  }
}

/**
 * Parses a field value as an RFC 8941 dictionary (leading and trailing spaces allowed).
 * Throws only `StructuredFieldIsMalformed`. An empty value gives an empty dictionary.
 */
export function parseDictionary(fieldValue: string): Dictionary {
  const reader = new FieldReader(String(fieldValue));
  reader.skipSpaces();
  const members = reader.dictionary();
  return members;
}

/** Parses a field value as one RFC 8941 item or inner list. Throws only `StructuredFieldIsMalformed`. */
export function parseItemOrInnerList(fieldValue: string): DictionaryMember {
  const reader = new FieldReader(String(fieldValue));
  reader.skipSpaces();
  const member = reader.itemOrInnerList();
  reader.skipSpaces();
  if (!reader.done) reader.fail('unexpected characters after the value');
  return member;
}
