import { ValidateIf } from 'class-validator';

/**
 * The field may be left out of the body. Unlike `@IsOptional`, an explicit `null` is not "left
 * out": it meets every other constraint of the field and fails them, so no null reaches a command.
 */
export function Omittable(): PropertyDecorator {
  return ValidateIf((_body: object, value: unknown) => value !== undefined);
}
