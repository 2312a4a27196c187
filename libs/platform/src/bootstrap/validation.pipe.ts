import { BadRequestException, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
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
 * violations: [{ field: 'name', reasons: ['must be a string'] }] }`. A string holding a NUL character
 * is refused the same way wherever it is, declared type or not: PostgreSQL stores no NUL in text or
 * JSON, so it would otherwise fail as the server's error.
 */
export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe({
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

class PlatformValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const fields = fieldsWithNul(value, metadata.data ?? '');
      if (fields.length > 0) throw this.exceptionFactory(fields.map((field) => nulViolation(field)));
    }
    return super.transform(value, metadata);
  }
}

const NUL_REASON = 'must not contain a NUL character';

/** A class-validator error for `field`, so that the NUL refusal reads like every other violation. */
function nulViolation(field: string): ValidationError {
  return { property: field, constraints: { noNulCharacter: `${field} ${NUL_REASON}` }, children: [] };
}

/** The paths (`name`, `lines[0].item`) of the strings under `value` that hold a NUL character. */
function fieldsWithNul(value: unknown, path: string, depth = 0): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path || 'body'] : [];
  if (value === null || typeof value !== 'object' || depth > 32) return [];
  if (Array.isArray(value)) return value.flatMap((item, index) => fieldsWithNul(item, `${path}[${index}]`, depth + 1));
  return Object.entries(value).flatMap(([key, item]) => fieldsWithNul(item, path ? `${path}.${key}` : key, depth + 1));
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
