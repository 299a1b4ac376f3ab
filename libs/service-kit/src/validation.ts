import { ValidationPipe, type ArgumentMetadata, type Type, type ValidationError } from '@nestjs/common';
import { MAX_JSON_NESTING, tooDeeplyNestedAt, unstorableTextIn } from '@wildlife/contracts';
import { ProblemError } from './problem.js';

export interface FieldProblem {
  /** JSON Pointer (RFC 6901) to the bad field in the request body, e.g. `/platforms/0/countryOfOperation`. */
  pointer: string;
  reason: string;
}

/** Flattens class-validator's tree into one entry per failed constraint, each with its pointer. */
export function fieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const pointer = `${parent}/${String(error.property).replace(/~/g, '~0').replace(/\//g, '~1')}`;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ pointer, reason }));
    return [...own, ...fieldProblems(error.children ?? [], pointer)];
  });
}

const UNSTORABLE_REASON = 'holds a character no record can store (U+0000, or half of a surrogate pair)';

/** A problem for every string (or member name) of a parsed JSON body that holds unstorable text, by pointer. */
export function unstorableFieldsIn(value: unknown): FieldProblem[] {
  return unstorableTextIn(value).map(({ pointer, inName }) => ({ pointer, reason: inName ? `its name ${UNSTORABLE_REASON}` : UNSTORABLE_REASON }));
}

/**
 * A problem for the first array or object of a parsed JSON body nested deeper than MAX_JSON_NESTING
 * (64), by pointer; none when it nests no deeper.
 */
export function tooDeeplyNestedFieldsIn(value: unknown): FieldProblem[] {
  const pointer = tooDeeplyNestedAt(value);
  return pointer === undefined ? [] : [{ pointer, reason: `nests arrays and objects more than ${MAX_JSON_NESTING} deep, the most a body may` }];
}

const validationFailed = (problems: readonly FieldProblem[]) =>
  new ProblemError(400, 'validation-failed', 'Bad Request', `The request has ${problems.length} invalid field(s).`, { errors: problems });

/**
 * The kit's pipe: a body's strings are also checked for text no record can store (a NUL, a lone
 * surrogate), which class-validator lets through and PostgreSQL would refuse with a 500; they are
 * listed in the same 400 as the other bad fields. Before anything, a body nested more than 64 deep
 * is refused with a 400 naming where: class-transformer, class-validator and any other recursive
 * walk would overflow the stack on it (`[[[[…]]]]` in a few kilobytes), a 500.
 */
class EdgeValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const tooDeep = metadata.type === 'body' ? tooDeeplyNestedFieldsIn(value) : [];
    if (tooDeep.length > 0) throw validationFailed(tooDeep);
    const unstorable = metadata.type === 'body' ? unstorableFieldsIn(value) : [];
    let transformed: unknown;
    try {
      transformed = await super.transform(value, metadata);
    } catch (error) {
      if (unstorable.length > 0 && error instanceof ProblemError && error.code === 'validation-failed') {
        throw validationFailed([...(error.extensions.errors as FieldProblem[]), ...unstorable]);
      }
      throw error;
    }
    if (unstorable.length > 0) throw validationFailed(unstorable);
    return transformed;
  }
}

/**
 * Validation at the edge: unknown fields are refused, every bad field is listed in one RFC 9457
 * problem (400, `errors: [{ pointer, reason }]`), and a refused body reaches no handler.
 */
export function createValidationPipe(): ValidationPipe {
  return new EdgeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => validationFailed(fieldProblems(errors)),
  });
}

/**
 * What the edge makes of a request body of `type` (the pipe of `createValidationPipe`): the instance a
 * handler would receive, or every field problem the 400 answer would list. For DTO unit specs, and
 * for anything else that takes bodies outside HTTP.
 */
export async function validatedBody<T extends object>(type: Type<T>, plain: unknown): Promise<{ readonly body?: T; readonly problems: readonly FieldProblem[] }> {
  try {
    return { body: (await createValidationPipe().transform(plain, { type: 'body', metatype: type })) as T, problems: [] };
  } catch (error) {
    if (error instanceof ProblemError && error.code === 'validation-failed') return { problems: error.extensions.errors as FieldProblem[] };
    throw error;
  }
}

/** The pointers of the fields the edge refuses in `plain`, each once, in order; empty when it is accepted. */
export async function badFieldsOf<T extends object>(type: Type<T>, plain: unknown): Promise<string[]> {
  const { problems } = await validatedBody(type, plain);
  return [...new Set(problems.map((problem) => problem.pointer))];
}
