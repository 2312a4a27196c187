/** A Shanghai GB/T 2260 region code: 6 digits (city, district), 9 (town, street) or 12 (village). */
export const REGION_CODE_PATTERN = /^31\d{4}(\d{3}(\d{3})?)?$/;

export const REGION_CODE_MESSAGE = 'must be a Shanghai GB/T 2260 region code';
