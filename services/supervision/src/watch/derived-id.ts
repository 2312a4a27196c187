import { createHash } from 'node:crypto';

/**
 * A UUID (version 5 layout) derived from a name: the same source event always gives the same
 * finding or task id, so a record created from another context's event exists once whatever the
 * redeliveries.
 */
export function derivedId(kind: string, name: string): string {
  const bytes = createHash('sha1').update(`sangeyipi.supervision:${kind}:${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
