import { ValidationPipe, type Type, type ValidationError } from '@nestjs/common';
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

/**
 * Validation at the edge: unknown fields are refused, every bad field is listed in one RFC 9457
 * problem (400, `errors: [{ pointer, reason }]`), and a refused body reaches no handler.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const problems = fieldProblems(errors);
      return new ProblemError(400, 'validation-failed', 'Bad Request', `The request has ${problems.length} invalid field(s).`, { errors: problems });
    },
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
