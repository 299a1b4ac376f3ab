import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt } from 'class-validator';

/** A natural number as the log writes one: `0`, or a digit 1–9 then digits; nothing else. */
const CANONICAL_NATURAL = /^(?:0|[1-9][0-9]{0,15})$/;

/**
 * The number a query parameter spells in canonical decimal, below 2^53; anything else (an empty
 * value, a sign, spaces, leading zeros, a fraction, an exponent, hex or binary, a repeated
 * parameter) is left as it came, for the validator to refuse. `Number()` alone would read `''` and
 * `' 5'` as numbers, `1e0`, `0x0` and `-0` as integers.
 */
export function canonicalNatural(value: unknown): unknown {
  if (typeof value !== 'string' || !CANONICAL_NATURAL.test(value)) return value;
  const number = Number(value);
  return Number.isSafeInteger(number) ? number : value;
}

/**
 * A natural number below 2^53 given in the query string, in canonical decimal; anything else is a
 * 400 `validation-failed` naming the parameter. `minimum` is what the range checks accept: a
 * smaller natural number passes this check and is refused with 400 `log-range-invalid`.
 */
function TreePosition(description: string, minimum = 0): PropertyDecorator {
  return (target, key) => {
    ApiProperty({ description: `${description}. Decimal digits, no sign, no leading zero`, type: 'integer', minimum, maximum: Number.MAX_SAFE_INTEGER })(target, key);
    Transform(({ value }) => canonicalNatural(value))(target, key);
    IsInt({ message: '$property must be a natural number in decimal (0, or 1-9 then digits; no sign, space, fraction or exponent) below 2^53' })(target, key);
  };
}

export class EntriesQuery {
  @TreePosition('First sequence (inclusive)')
  start!: number;

  @TreePosition('Last sequence (exclusive): above `start`, at most the log’s size', 1)
  end!: number;
}

export class InclusionQuery {
  @TreePosition('The leaf index (entry sequence), below `treeSize`')
  index!: number;

  @TreePosition('The size of the tree the proof is for: any size above `index` and up to the log’s size, not only a checkpoint’s', 1)
  treeSize!: number;
}

export class ConsistencyQuery {
  @TreePosition('The earlier tree size: at least 1 (no proof exists from the empty tree), at most `second`', 1)
  first!: number;

  @TreePosition('The later tree size, at most the log’s size', 1)
  second!: number;
}
