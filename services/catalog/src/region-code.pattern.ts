/** A Shanghai region code: 6 digits (city, district), 9 (town, street) or 12 (village, neighbourhood). */
export const REGION_CODE_PATTERN = /^31\d{4}(\d{3}){0,2}$/;

export const REGION_CODE_MESSAGE = 'must be a Shanghai region code of 6, 9 or 12 digits';
