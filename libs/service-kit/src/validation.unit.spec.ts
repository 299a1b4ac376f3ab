import { describe, expect, it } from '@jest/globals';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsISO31661Alpha2, IsString, MaxLength, ValidateNested } from 'class-validator';
import { createValidationPipe } from './validation.js';
import { ProblemError } from './problem.js';

class Platform {
  @IsString() @MaxLength(5) name!: string;
  @IsISO31661Alpha2() countryOfOperation!: string;
}

class Body {
  @IsString() summary!: string;
  @ValidateNested({ each: true }) @Type(() => Platform) @ArrayMinSize(1) platforms!: Platform[];
}

async function refusal(value: unknown): Promise<ProblemError> {
  const pipe = createValidationPipe();
  try {
    await pipe.transform(value, { type: 'body', metatype: Body });
  } catch (e) {
    return e as ProblemError;
  }
  throw new Error('the body was accepted');
}

describe('validation at the edge', () => {
  it('lists every bad field with a JSON pointer and the reason', async () => {
    const problem = await refusal({ summary: 3, platforms: [{ name: 'far too long', countryOfOperation: 'XX' }] });
    expect(problem.status).toBe(400);
    expect(problem.toProblem().errors).toEqual([
      { pointer: '/summary', reason: 'summary must be a string' },
      { pointer: '/platforms/0/name', reason: 'name must be shorter than or equal to 5 characters' },
      { pointer: '/platforms/0/countryOfOperation', reason: 'countryOfOperation must be a valid ISO31661 Alpha2 code' },
    ]);
  });

  it('refuses unknown fields, nested ones too', async () => {
    const problem = await refusal({ summary: 'x', requestingAgency: 'fr-ofb', platforms: [{ name: 'a', countryOfOperation: 'FR', extra: 1 }] });
    expect(problem.toProblem().errors).toEqual([
      { pointer: '/requestingAgency', reason: 'property requestingAgency should not exist' },
      { pointer: '/platforms/0/extra', reason: 'property extra should not exist' },
    ]);
  });

  it('passes a valid body through as an instance of its class', async () => {
    const value = await createValidationPipe().transform({ summary: 'x', platforms: [{ name: 'a', countryOfOperation: 'FR' }] }, { type: 'body', metatype: Body });
    expect(value).toBeInstanceOf(Body);
    expect(value.platforms[0]).toBeInstanceOf(Platform);
  });

  it('refuses text no record can store (U+0000, a lone surrogate), listed with the other bad fields', async () => {
    const problem = await refusal({ summary: 'seen\u0000there', platforms: [{ name: 'a\uD83D', countryOfOperation: 'XX' }, { name: '\uDC00b', countryOfOperation: 'FR' }] });

    expect(problem.status).toBe(400);
    expect(problem.toProblem().errors).toEqual([
      { pointer: '/platforms/0/countryOfOperation', reason: 'countryOfOperation must be a valid ISO31661 Alpha2 code' },
      { pointer: '/summary', reason: expect.stringContaining('U+0000') },
      { pointer: '/platforms/0/name', reason: expect.stringContaining('surrogate') },
      { pointer: '/platforms/1/name', reason: expect.stringContaining('surrogate') },
    ]);
  });

  it('refuses a body whose only fault is unstorable text, and takes a whole surrogate pair (an emoji) as it is', async () => {
    const refused = await refusal({ summary: 'ok\u0000', platforms: [{ name: 'a', countryOfOperation: 'FR' }] });
    const accepted = await createValidationPipe().transform({ summary: 'rhino 🦏', platforms: [{ name: 'a', countryOfOperation: 'FR' }] }, { type: 'body', metatype: Body });

    expect(refused.toProblem().errors).toEqual([{ pointer: '/summary', reason: expect.stringContaining('U+0000') }]);
    expect(accepted.summary).toBe('rhino 🦏');
  });
});
