import { ValidateBy, buildMessage, type ValidationOptions } from 'class-validator';

/** Not undefined, null or '', and, for a string, not white space only. */
export function isNotBlank(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  return typeof value === 'string' ? value.trim().length > 0 : true;
}

/**
 * class-validator's IsNotEmpty, except that a string of white space only counts as empty too: a
 * name, reason or legal basis of three spaces is none, and would otherwise be recorded for good in
 * an event. The request DTOs use this instead of IsNotEmpty.
 */
export function IsNotBlank(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNotBlank',
      validator: {
        validate: (value) => isNotBlank(value),
        defaultMessage: buildMessage((each) => `${each}$property should not be empty or blank`, options),
      },
    },
    options,
  );
}
