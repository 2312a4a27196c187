import { BadRequestException, ValidationPipe } from '@nestjs/common';
import type { ValidationError } from 'class-validator';

/** One invalid field of a request: its path (e.g. `items[0].quantity`) and what is wrong with it. */
export interface FieldViolation {
  field: string;
  reasons: string[];
}

/**
 * The global validation of request bodies, queries and parameters: unknown fields are refused,
 * values are converted to the declared types, and a 400 answer names every invalid field with its
 * reasons: `{ statusCode: 400, error: 'Bad Request', message: ['name must be a string'],
 * violations: [{ field: 'name', reasons: ['must be a string'] }] }`.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const violations = toViolations(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: violations.flatMap(({ field, reasons }) => reasons.map((reason) => `${field} ${reason}`)),
        violations,
      });
    },
  });
}

function toViolations(errors: readonly ValidationError[], parent = ''): FieldViolation[] {
  return errors.flatMap((error) => {
    const field = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : parent ? `${parent}.${error.property}` : error.property;
    const reasons = Object.values(error.constraints ?? {}).map((message) => withoutFieldName(message, error.property));
    const own = reasons.length > 0 ? [{ field, reasons }] : [];
    return [...own, ...toViolations(error.children ?? [], field)];
  });
}

/** class-validator's messages start with the property name ("name must be…", "property x should not exist"). */
function withoutFieldName(message: string, property: string): string {
  for (const prefix of [`property ${property} `, `${property} `]) {
    if (message.startsWith(prefix)) return message.slice(prefix.length);
  }
  return message;
}
