import { encodeBase64 } from '../canonical-base64.js';
import {
  ByteSequence,
  Decimal,
  StructuredFieldIsUnserialisable,
  Token,
  type BareItem,
  type Dictionary,
  type DictionaryMember,
  type Item,
  type Parameters,
} from './structured-field.types.js';

const KEY = /^[a-z*][a-z0-9_\-.*]*$/;
const TOKEN = /^[A-Za-z*][!#$%&'*+\-.^_`|~0-9A-Za-z:/]*$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const MAX_INTEGER = 999_999_999_999_999;

/**
 * Serialises per RFC 8941 §4.1. The output parses back to an equal value. Throws only
 * `StructuredFieldIsUnserialisable` (a key, token or string outside the grammar, a number out of range).
 */
export function serialiseDictionary(dictionary: Dictionary): string {
  const members: string[] = [];
  for (const [key, member] of dictionary) {
    const isBareTrue = member.kind === 'item' && member.value === true;
    members.push(isBareTrue ? serialiseKey(key) + serialiseParameters(member.params) : `${serialiseKey(key)}=${serialiseMember(member)}`);
  }
  return members.join(', ');
}

export function serialiseMember(member: DictionaryMember): string {
  if (member.kind === 'item') return serialiseItem(member);
  return `(${member.items.map(serialiseItem).join(' ')})${serialiseParameters(member.params)}`;
}

export function serialiseItem(item: Item): string {
  return serialiseBareItem(item.value) + serialiseParameters(item.params);
}

export function serialiseParameters(params: Parameters): string {
  let out = '';
  for (const [key, value] of params) {
    out += `;${serialiseKey(key)}`;
    if (value !== true) out += `=${serialiseBareItem(value)}`;
  }
  return out;
}

function serialiseKey(key: string): string {
  if (!KEY.test(key)) throw new StructuredFieldIsUnserialisable(`invalid key ${JSON.stringify(key)}`);
  return key;
}

export function serialiseBareItem(value: BareItem): string {
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || Math.abs(value) > MAX_INTEGER) {
      throw new StructuredFieldIsUnserialisable(`${value} is not an integer of at most 15 digits`);
    }
    return String(value);
  }
  if (typeof value === 'string') {
    if (!PRINTABLE_ASCII.test(value)) throw new StructuredFieldIsUnserialisable('strings hold printable ASCII only');
    return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  }
  if (typeof value === 'boolean') return value ? '?1' : '?0';
  if (value instanceof Token) {
    if (!TOKEN.test(value.value)) throw new StructuredFieldIsUnserialisable(`invalid token ${JSON.stringify(value.value)}`);
    return value.value;
  }
  if (value instanceof ByteSequence) return `:${encodeBase64(value.bytes)}:`;
  if (value instanceof Decimal) return serialiseDecimal(value.value);
  throw new StructuredFieldIsUnserialisable('unknown item type');
}

function serialiseDecimal(value: number): string {
  // Round half to even at three fractional digits, as RFC 8941 §4.1.5 asks.
  const scaled = value * 1000;
  const floor = Math.floor(scaled);
  const diff = scaled - floor;
  const rounded = diff > 0.5 || (diff === 0.5 && floor % 2 !== 0) ? floor + 1 : floor;
  const integerPart = Math.trunc(rounded / 1000);
  if (!Number.isFinite(rounded) || Math.abs(integerPart) > 999_999_999_999) {
    throw new StructuredFieldIsUnserialisable(`${value} is out of range for a decimal`);
  }
  const text = (rounded / 1000).toFixed(3).replace(/0+$/, '');
  return text.endsWith('.') ? `${text}0` : text;
}
