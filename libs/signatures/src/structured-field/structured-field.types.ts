/**
 * The RFC 8941 structured-field data model, as far as RFC 9421 and RFC 9530 need it: dictionaries
 * whose members are items or inner lists, each carrying parameters.
 *
 * Integers are plain `number`s; decimals, tokens and byte sequences are wrapped so that a value
 * serialises back to the same type it was parsed from.
 */
export class Token {
  constructor(readonly value: string) {}
}

export class Decimal {
  constructor(readonly value: number) {}
}

export class ByteSequence {
  constructor(readonly bytes: Uint8Array) {}
}

export type BareItem = number | Decimal | string | Token | ByteSequence | boolean;

/** Insertion-ordered; a repeated key keeps its first position and its last value (RFC 8941 §4.2). */
export type Parameters = Map<string, BareItem>;

export interface Item {
  readonly kind: 'item';
  readonly value: BareItem;
  readonly params: Parameters;
}

export interface InnerList {
  readonly kind: 'inner-list';
  readonly items: readonly Item[];
  readonly params: Parameters;
}

export type DictionaryMember = Item | InnerList;

export type Dictionary = Map<string, DictionaryMember>;

export function item(value: BareItem, params: Parameters = new Map()): Item {
  return { kind: 'item', value, params };
}

export function innerList(items: readonly Item[], params: Parameters = new Map()): InnerList {
  return { kind: 'inner-list', items, params };
}

/** Raised for any input that is not a valid structured field; `position` is where parsing stopped. */
export class StructuredFieldIsMalformed extends Error {
  constructor(
    readonly reason: string,
    readonly position: number,
  ) {
    super(`Malformed structured field at character ${position}: ${reason}`);
    this.name = 'StructuredFieldIsMalformed';
  }
}

/** Raised when a value cannot be written as a structured field (e.g. a string with a control character). */
export class StructuredFieldIsUnserialisable extends Error {
  constructor(readonly reason: string) {
    super(`Cannot serialise structured field: ${reason}`);
    this.name = 'StructuredFieldIsUnserialisable';
  }
}
