import { isCalendarDate } from '@sangeyipi/platform';
import { ValidateBy, type ValidationOptions } from 'class-validator';

/** A calendar date 'YYYY-MM-DD'. */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isCalendarDate', validator: { validate: (value) => isCalendarDate(value) } }, { message: 'must be a calendar date YYYY-MM-DD', ...options });
}

/** GB/T 2260 region codes: 6 digits (city, district), 9 (town), 12 (village). */
export const REGION_CODE_PATTERN = /^(\d{6}|\d{9}|\d{12})$/;
