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

  it.each([
    // 100,000 deep (200 KB, under the kit's 1 MB body limit): class-transformer and the search for
    // unstorable text overflowed the stack on it, a 500
    ['a body that is an array 100,000 deep', JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown, '/0'.repeat(64)],
    ['a field holding objects 50,000 deep', JSON.parse(`{"summary":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)},"platforms":[]}`) as unknown, `/summary${'/a'.repeat(63)}`],
    ['a U+0000 inside arrays nested past the limit (the depth is what is reported)', { summary: 'x', platforms: [JSON.parse(`${'['.repeat(64)}"\\u0000"${']'.repeat(64)}`)] }, `/platforms/0${'/0'.repeat(62)}`],
  ])('refuses %s with a 400 naming where it nests more than 64 deep, and nothing else', async (_case, body, pointer) => {
    const problem = await refusal(body);

    expect(problem).toMatchObject({ status: 400, code: 'validation-failed' });
    expect(problem.toProblem().errors).toEqual([{ pointer, reason: 'nests arrays and objects more than 64 deep, the most a body may' }]);
  });

  it('validates a body nested 64 deep as any other', async () => {
    const problem = await refusal({ summary: JSON.parse(`${'['.repeat(63)}${']'.repeat(63)}`) as unknown, platforms: [{ name: 'a', countryOfOperation: 'FR' }] });

    expect(problem.toProblem().errors).toEqual([{ pointer: '/summary', reason: 'summary must be a string' }]);
  });
});
