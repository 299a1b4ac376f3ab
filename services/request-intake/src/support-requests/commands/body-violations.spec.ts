// Validation as the HTTP edge runs it, for the DTO unit specs (no tests here; `.spec.ts` keeps it
// out of the build): unknown fields refused, each failed constraint reported at its JSON pointer.
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';

export interface BodyViolation {
  readonly pointer: string;
  readonly constraint: string;
}

/** The body as the handler would receive it, and every violation found in it. */
export async function validated<T extends object>(type: ClassConstructor<T>, plain: unknown): Promise<{ body: T; violations: BodyViolation[] }> {
  const body = plainToInstance(type, plain);
  const errors = await validate(body, { whitelist: true, forbidNonWhitelisted: true });
  return { body, violations: flatten(errors, '') };
}

/** The pointers of the fields that failed, each once, in order. */
export async function badFieldsOf<T extends object>(type: ClassConstructor<T>, plain: unknown): Promise<string[]> {
  const { violations } = await validated(type, plain);
  return [...new Set(violations.map((violation) => violation.pointer))];
}

function flatten(errors: readonly ValidationError[], parent: string): BodyViolation[] {
  return errors.flatMap((error) => {
    const pointer = `${parent}/${error.property}`;
    const own = Object.keys(error.constraints ?? {}).map((constraint) => ({ pointer, constraint }));
    return [...own, ...flatten(error.children ?? [], pointer)];
  });
}
