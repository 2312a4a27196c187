import { ValidateBy, type ValidationOptions } from 'class-validator';

/** True when `value` is a URL with one of `schemes` and a host (or, for PostgreSQL, a `host` parameter). */
export function isUrlWithScheme(value: unknown, schemes: readonly string[]): boolean {
  if (typeof value !== 'string') return false;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const scheme = url.protocol.replace(/:$/, '');
  return schemes.includes(scheme) && (url.hostname !== '' || url.searchParams.has('host'));
}

/** Validates a URL whose scheme is one of `schemes`, e.g. `['postgres', 'postgresql']`. */
export function IsUrlWithScheme(schemes: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isUrlWithScheme', constraints: [schemes], validator: { validate: (value) => isUrlWithScheme(value, schemes) } }, options);
}
